import { describe, expect, it } from 'vitest';
import { SYMBOLS, attemptMark, markOf } from './marks';

describe('markOf', () => {
	it('gives every state its own symbol and words', () => {
		expect(new Set(Object.values(SYMBOLS)).size).toBe(5);
		expect(markOf({ state: 'right', score: 1, rightAt: 1 })).toEqual({
			state: 'right',
			symbol: '✓',
			label: 'teach.results.mark.right'
		});
		expect(markOf({ state: 'partly', score: 0.5, rightAt: null })).toMatchObject({
			symbol: '◐',
			share: 0.5,
			label: 'teach.results.mark.partly'
		});
		expect(markOf({ state: 'partly', score: 2 / 3, rightAt: 3 })).toMatchObject({ at: 3 });
		expect(markOf({ state: 'later', score: 0, rightAt: 2 })).toMatchObject({
			symbol: '↻',
			at: 2,
			label: 'teach.results.mark.later'
		});
		expect(markOf({ state: 'wrong', score: 0, rightAt: null }).symbol).toBe('✗');
		expect(markOf({ state: 'not-yet', score: null, rightAt: null }).label).toBe(
			'teach.results.mark.notYet'
		);
	});
});

describe('attemptMark', () => {
	it('marks one answer of a history', () => {
		expect(attemptMark({ correct: true, score: 1, tryNumber: 1 }).state).toBe('right');
		expect(attemptMark({ correct: true, score: 1, tryNumber: 3 })).toMatchObject({
			state: 'later',
			at: 3
		});
		expect(attemptMark({ correct: false, score: 0.5, tryNumber: 2 })).toMatchObject({
			state: 'partly',
			share: 0.5
		});
		expect(attemptMark({ correct: false, score: 0, tryNumber: 1 }).state).toBe('wrong');
	});
});
