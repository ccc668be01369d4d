import { describe, expect, it } from 'vitest';
import { decodeCells } from './cells';
import { buildMatrix } from './matrix';
import { choiceQuestion } from './matrix.fixture';
import { resultsView } from './results-view';

const paragraphs = [
	{ ar: 'الفقرة الأولى', en: 'The first paragraph' },
	{ ar: 'الفقرة الثانية', en: 'The second paragraph' }
];
const lesson = {
	questions: [choiceQuestion('one', 0, 2), choiceQuestion('two', 1, 2)],
	paragraphs
};
const answer = (choice: number) => JSON.stringify({ type: 'choice', choice });
const matrix = buildMatrix({
	lesson: lesson as never,
	dueEnd: null,
	students: [
		{ id: 's1', display_name: 'Huda' },
		{ id: 's2', display_name: 'Ali' }
	],
	attempts: [
		{ student_id: 's1', question_id: 'one', answer: answer(0), correct: 1, score: 1 },
		{ student_id: 's1', question_id: 'two', answer: answer(1), correct: 0, score: 0 },
		{ student_id: 's2', question_id: 'two', answer: answer(1), correct: 0, score: 0 }
	].map((attempt, i) => ({ ...attempt, received_at: `2026-12-0${i + 1}T00:00:00.000Z` }))
});
const input = {
	...matrix,
	class: { id: 'c1', name: '7B', timeZone: 'Asia/Baghdad' },
	lesson: { id: 'tiny', title: { ar: 'درس', en: 'A lesson' }, questionCount: 2 },
	dueDate: null
};

describe('resultsView', () => {
	it('keeps what the page shows, in the one language it is read in', () => {
		for (const lang of ['ar', 'en'] as const) {
			const view = resultsView(input, lang, paragraphs);
			expect(view.lesson.title).toBe(input.lesson.title[lang]);
			const two = view.questions[1]!;
			expect(two.prompt).toBe(lesson.questions[1]!.prompt[lang]);
			expect(two.rightAnswer).toBe(lang === 'ar' ? 'أ' : 'A');
			expect(two.answers).toEqual([lang === 'ar' ? 'ب' : 'B']);
			expect(two.wrongAnswers).toEqual([
				{ answer: lang === 'ar' ? 'ب' : 'B', count: 2, group: expect.any(String), partly: false }
			]);
			expect(view.summary).toEqual(matrix.summary);
		}
	});

	it('sends each row of cells as a string that decodes to the matrix row', () => {
		const view = resultsView(input, 'en', paragraphs);
		expect(view.students.map((s) => s.name)).toEqual(['Ali', 'Huda']);
		for (const [i, student] of view.students.entries()) {
			expect(typeof student.cells).toBe('string');
			expect(decodeCells(student.cells)).toEqual(matrix.students[i]!.cells);
		}
	});

	it('gives the paragraph missed most in both languages', () => {
		const view = resultsView(input, 'en', paragraphs);
		expect(view.missed).toEqual({
			index: 1,
			answered: 2,
			wrong: 2,
			ar: paragraphs[1]!.ar,
			en: paragraphs[1]!.en
		});
		expect(resultsView({ ...input, mostMissedParagraph: null }, 'en', paragraphs).missed).toBe(
			null
		);
	});
});
