import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerFits, grade, parseAnswer } from '../../src/lib/quiz';
import { keyAnswer } from '../../src/lib/quiz';
import { makeBatch, randomSource, wrongAnswer } from './answers';
import { compiledLessons } from '../compile/folders';

const lessons = compiledLessons();

describe('answers for the bench', () => {
	it('answers every question of the real lessons right, in both languages', () => {
		for (const lesson of lessons) {
			for (const question of lesson.questions) {
				for (const lang of ['ar', 'en'] as const) {
					const answer = keyAnswer(question, lesson.paragraphs, lang);
					expect(parseAnswer(answer), `${question.id}`).toEqual(answer);
					expect(grade(question, answer, lesson.paragraphs).correct, question.id).toBe(true);
				}
			}
		}
	});

	it('gives wrong answers that still fit, so the server stores them', () => {
		for (const lesson of lessons) {
			for (const question of lesson.questions) {
				const answer = wrongAnswer(question, lesson, 'ar');
				expect(answerFits(question, answer, lesson.paragraphs), question.id).toBe(true);
				expect(grade(question, answer, lesson.paragraphs).correct, question.id).toBe(false);
			}
		}
	});

	it('makes the same batch from the same seed', () => {
		let n = 0;
		const ids = () => `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
		const now = new Date('2025-01-01T00:00:00Z');
		const first = makeBatch(lessons, 12, randomSource(7), ids, now);
		n = 0;
		expect(makeBatch(lessons, 12, randomSource(7), ids, now)).toEqual(first);
		expect(first).toHaveLength(12);
		expect(new Set(makeBatch(lessons, 20, randomSource(1), randomUUID).map((i) => i.id)).size).toBe(
			20
		);
	});
});
