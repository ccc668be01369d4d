import { describe, expect, it } from 'vitest';
import { decodeCell, decodeCells, encodeCell, encodeCells } from './cells';
import type { ResultCell } from './cell-state';
import { buildMatrix } from './matrix';

const cell = (fields: Partial<ResultCell> & Pick<ResultCell, 'state'>): ResultCell => ({
	score: null,
	tries: 0,
	rightAt: null,
	late: false,
	answer: null,
	...fields
});

describe('encodeCell and decodeCell', () => {
	it('keep every fact a cell shows, in a few characters', () => {
		const cells = [
			cell({ state: 'not-yet' }),
			cell({ state: 'right', score: 1, tries: 1, rightAt: 1, answer: 0 }),
			cell({ state: 'right', score: 1, tries: 3, rightAt: 1, answer: 12, late: true }),
			cell({ state: 'partly', score: 0.5, tries: 2, rightAt: 2, answer: 3 }),
			cell({ state: 'partly', score: 2 / 3, tries: 1, answer: null, late: true }),
			cell({ state: 'later', score: 0, tries: 4, rightAt: 3, answer: 1 }),
			cell({ state: 'wrong', score: 0, tries: 2, answer: 7 })
		];
		for (const original of cells) {
			expect(decodeCell(encodeCell(original))).toEqual(original);
		}
		expect(encodeCell(cells[1]!)).toBe('r1:1:0:');
		expect(encodeCell(cells[4]!)).toMatch(/^p!1:::0\.66/);
		expect(decodeCells(encodeCells(cells))).toEqual(cells);
	});

	it('reads an empty row as no cells, and a token it cannot read as not yet', () => {
		expect(decodeCells('')).toEqual([]);
		expect(decodeCell('?').state).toBe('not-yet');
	});

	it('round-trips the rows of a matrix built from answers', () => {
		const questions = ['q1', 'q2', 'q3'].map((id) => ({
			id,
			type: 'choice' as const,
			skill: 'detail' as const,
			paragraph: 0,
			prompt: { ar: id, en: id },
			choices: [
				{ ar: 'أ', en: 'a', correct: true },
				{ ar: 'ب', en: 'b' }
			]
		}));
		const answer = (choice: number) => JSON.stringify({ type: 'choice', choice });
		const matrix = buildMatrix({
			lesson: { questions, paragraphs: [] } as never,
			dueEnd: '2026-12-01T00:00:00.000Z',
			students: [
				{ id: 's1', display_name: 'A' },
				{ id: 's2', display_name: 'B' }
			],
			attempts: [
				['s1', 'q1', 1, 0, '2026-11-30T10:00:00.000Z'],
				['s1', 'q1', 0, 1, '2026-11-30T10:01:00.000Z'],
				['s1', 'q2', 0, 1, '2026-12-02T10:00:00.000Z'],
				['s2', 'q3', 1, 0, '2026-12-02T10:00:00.000Z']
			].map(([student, question, choice, correct, at]) => ({
				student_id: student as string,
				question_id: question as string,
				answer: answer(choice as number),
				correct: correct as number,
				score: correct as number,
				received_at: at as string
			}))
		});
		for (const row of matrix.students) {
			expect(decodeCells(encodeCells(row.cells))).toEqual(row.cells);
		}
		expect(matrix.students[0]!.cells.map((c) => c.state)).toEqual(['later', 'right', 'not-yet']);
	});
});
