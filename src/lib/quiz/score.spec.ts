import { describe, expect, it } from 'vitest';
import type { Grade } from './grade';
import { scoreLesson } from './score';
import { CHOICE, CLOZE, MATCH, MULTI, ORDER, QUESTIONS, SHORT } from './questions.fixture';

const right: Grade = { correct: true, score: 1 };
const wrong: Grade = { correct: false, score: 0 };

describe('scoreLesson', () => {
	it('adds up grades, partial credit included', () => {
		const result = scoreLesson(QUESTIONS, {
			[CHOICE.id]: right,
			[MULTI.id]: { correct: false, score: 0.5 },
			[SHORT.id]: wrong,
			[ORDER.id]: right,
			[MATCH.id]: { correct: false, score: 1 / 3 },
			[CLOZE.id]: right
		});
		expect(result.total).toBe(8);
		expect(result.answered).toBe(6);
		expect(result.score).toBeCloseTo(3 + 0.5 + 1 / 3, 10);
		expect(result.share).toBeCloseTo((3 + 0.5 + 1 / 3) / 8, 10);
		expect(result.percent).toBe(48);
	});

	it('groups by skill', () => {
		const result = scoreLesson(QUESTIONS, {
			[CHOICE.id]: right,
			[MULTI.id]: { correct: false, score: 0.5 },
			[ORDER.id]: right
		});
		expect(result.bySkill).toEqual({
			detail: { total: 4, score: 1.5, percent: 38 },
			sequence: { total: 1, score: 1, percent: 100 },
			reference: { total: 1, score: 0, percent: 0 },
			vocabulary: { total: 1, score: 0, percent: 0 },
			'fact-opinion': { total: 1, score: 0, percent: 0 }
		});
	});

	it('lists the paragraphs of questions not fully correct, once each, in order', () => {
		const allRight = Object.fromEntries(QUESTIONS.map((question) => [question.id, right]));
		expect(scoreLesson(QUESTIONS, allRight).reread).toEqual([]);
		expect(
			scoreLesson(QUESTIONS, { ...allRight, [CLOZE.id]: { correct: false, score: 0.5 } }).reread
		).toEqual([1]);
		expect(
			scoreLesson(QUESTIONS, { ...allRight, [MATCH.id]: wrong, [CHOICE.id]: wrong }).reread
		).toEqual([0, 1]);
		// Unanswered questions count as not correct.
		expect(scoreLesson(QUESTIONS, {}).reread).toEqual([0, 1]);
	});

	it('ignores grades of unknown ids, inherited keys and nonsense scores', () => {
		const questions = [{ ...CHOICE, id: 'constructor' }, SHORT];
		const result = scoreLesson(questions, {
			unknown: right,
			[SHORT.id]: { correct: false, score: NaN }
		});
		expect(result).toMatchObject({ total: 2, answered: 1, score: 0, percent: 0 });
		expect(scoreLesson([CHOICE], { [CHOICE.id]: { correct: true, score: 7 } }).score).toBe(1);
	});

	it('handles a lesson without questions', () => {
		expect(scoreLesson([], {})).toEqual({
			total: 0,
			answered: 0,
			score: 0,
			share: 0,
			percent: 0,
			bySkill: {},
			reread: []
		});
	});
});
