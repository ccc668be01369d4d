import { describe, expect, it } from 'vitest';
import { answeredState, cellState, creditOf, type Graded } from './cell-state';
import { decodeCell, encodeCell } from './cells';

describe('cellState', () => {
	it('tells right, partly right, right later, wrong and not yet apart', () => {
		expect(cellState([])).toEqual({ state: 'not-yet', rightAt: null });
		expect(cellState([{ correct: 1, score: 1 }])).toEqual({ state: 'right', rightAt: 1 });
		expect(cellState([{ correct: 0, score: 0.5 }])).toEqual({ state: 'partly', rightAt: null });
		expect(
			cellState([
				{ correct: 0, score: 0.5 },
				{ correct: 1, score: 1 }
			])
		).toEqual({
			state: 'partly',
			rightAt: 2
		});
		expect(
			cellState([
				{ correct: 0, score: 0 },
				{ correct: 0, score: 0 },
				{ correct: 1, score: 1 }
			])
		).toEqual({ state: 'later', rightAt: 3 });
		expect(
			cellState([
				{ correct: 0, score: 0 },
				{ correct: 0, score: 0.5 }
			])
		).toEqual({
			state: 'wrong',
			rightAt: null
		});
	});
});

describe('creditOf', () => {
	// Every first try the grader can give, with and without a later right try.
	const firsts: Graded[] = [
		{ correct: 1, score: 1 },
		{ correct: 0, score: 0.25 },
		{ correct: 0, score: 0.5 },
		{ correct: 0, score: 0 }
	];

	it('gives back the credit of the first try that the state was worked out from', () => {
		for (const first of firsts) {
			for (const rightAt of [null, 2, 5]) {
				expect(creditOf(answeredState(first, rightAt), first.score)).toBe(first.score);
			}
		}
	});

	it('needs the share only for partly right, so the grid rows send it only then', () => {
		expect(creditOf('right', 0)).toBe(1);
		expect(creditOf('later', 0)).toBe(0);
		expect(creditOf('wrong', 0)).toBe(0);
		for (const first of firsts) {
			const state = answeredState(first, 2);
			const cell = { state, score: first.score, tries: 2, rightAt: 2, late: false, answer: 0 };
			expect(decodeCell(encodeCell(cell)).score).toBe(first.score);
		}
	});
});
