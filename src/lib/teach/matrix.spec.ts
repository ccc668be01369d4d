import { describe, expect, it } from 'vitest';
import { buildMatrix, type AttemptFacts, type MatrixInput } from './matrix';
import { choiceQuestion as choice } from './matrix.fixture';

const lesson: MatrixInput['lesson'] = {
	questions: [choice('one', 0), choice('two', 0), choice('three', 1)],
	paragraphs: []
};

let clock = 0;
function tried(
	student: string,
	question: string,
	pick: number,
	score = pick === 0 ? 1 : 0,
	at?: string
): AttemptFacts {
	clock++;
	return {
		student_id: student,
		question_id: question,
		answer: JSON.stringify({ type: 'choice', choice: pick }),
		correct: score === 1 ? 1 : 0,
		score,
		received_at: at ?? new Date(Date.UTC(2030, 0, 1, 0, 0, clock)).toISOString()
	};
}

const students = [
	{ id: 's-zaid', display_name: 'Zaid' },
	{ id: 's-ali', display_name: 'Ali' },
	{ id: 's-huda', display_name: 'Huda' }
];

describe('buildMatrix', () => {
	const attempts = [
		tried('s-ali', 'one', 0),
		tried('s-ali', 'two', 1),
		tried('s-ali', 'two', 0),
		tried('s-ali', 'three', 2, 0.5),
		tried('s-huda', 'one', 1),
		tried('s-huda', 'two', 1, 0, '2030-02-01T00:00:00.000Z'),
		tried('s-zaid', 'one', 2),
		tried('someone-gone', 'one', 1),
		tried('s-ali', 'removed-question', 0)
	];
	const matrix = buildMatrix({
		lesson,
		dueEnd: '2030-01-15T00:00:00.000Z',
		students,
		attempts
	});

	it('sorts students by name and marks each cell from its tries', () => {
		expect(matrix.students.map((s) => s.name)).toEqual(['Ali', 'Huda', 'Zaid']);
		const [ali, huda, zaid] = matrix.students;
		expect(ali!.cells.map((c) => [c.state, c.tries, c.rightAt, c.score])).toEqual([
			['right', 1, 1, 1],
			['later', 2, 2, 0],
			['partly', 1, null, 0.5]
		]);
		expect(ali).toMatchObject({ answered: 3, correct: 1, score: 1.5 / 3, complete: true });
		expect(ali!.late).toBe(false);
		expect(huda!.cells.map((c) => c.state)).toEqual(['wrong', 'wrong', 'not-yet']);
		expect(huda!.cells[1]!.late).toBe(true);
		expect(huda).toMatchObject({ late: true, lastAnswerAt: '2030-02-01T00:00:00.000Z' });
		// A cell points into its question's readable answers.
		expect(matrix.questions[0]!.answers[zaid!.cells[0]!.answer!]).toEqual({ ar: 'ج', en: 'C' });
		expect(zaid!.cells[2]).toMatchObject({ state: 'not-yet', answer: null, score: null });
	});

	it('counts per question, with the key and the wrong answers most given first', () => {
		const [one, two, three] = matrix.questions;
		expect(one).toMatchObject({
			number: 1,
			answered: 3,
			correct: 1,
			partly: 0,
			later: 0,
			rightAnswer: { ar: 'أ', en: 'A' }
		});
		expect(one!.wrongAnswers.map((w) => [w.answer.en, w.count])).toEqual([
			['B', 1],
			['C', 1]
		]);
		expect(one!.mostCommonWrong?.answer.en).toBe('B');
		expect(two).toMatchObject({ answered: 2, correct: 0, later: 1 });
		expect(two!.wrongAnswers).toEqual([expect.objectContaining({ count: 2 })]);
		expect(three).toMatchObject({ answered: 1, correct: 0, partly: 1, shareCorrect: 0 });
		// A partly right answer is listed, marked, and is no one's most common wrong answer.
		expect(three!.wrongAnswers).toEqual([expect.objectContaining({ count: 1, partly: true })]);
		expect(three!.mostCommonWrong).toBeNull();
		expect(one!.wrongAnswers.every((w) => !w.partly)).toBe(true);
	});

	it('finds the paragraph missed most and sums up the class', () => {
		expect(matrix.paragraphs).toEqual([
			{ index: 0, questions: 2, answered: 5, wrong: 4, missedShare: 4 / 5 },
			{ index: 1, questions: 1, answered: 1, wrong: 1, missedShare: 1 }
		]);
		expect(matrix.mostMissedParagraph).toBe(0);
		expect(matrix.summary).toEqual({
			students: 3,
			completed: 1,
			late: 1,
			averageScore: (1.5 / 3 + 0 + 0) / 3
		});
	});

	it('has nothing late without a due date and nothing missed without answers', () => {
		const none = buildMatrix({ lesson, dueEnd: null, students, attempts: [] });
		expect(none.students.every((s) => !s.late && s.lastAnswerAt === null)).toBe(true);
		expect(none.mostMissedParagraph).toBeNull();
		expect(none.summary.averageScore).toBeNull();
		expect(none.questions.every((q) => q.shareCorrect === null)).toBe(true);
	});
});
