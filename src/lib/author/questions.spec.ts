import { describe, expect, it } from 'vitest';
import { duplicateQuestion, freeId, moveQuestion, newQuestion } from './questions';

describe('questions in the editor', () => {
	it('gives each new question a free id and its type’s fields', () => {
		const first = newQuestion('choice', []);
		expect(first.id).toBe('q1');
		expect(first.choices).toEqual([
			{ ar: '', en: '', correct: true },
			{ ar: '', en: '', correct: false }
		]);
		expect(newQuestion('multi', [first]).choices).toHaveLength(3);
		expect(newQuestion('short', [first]).answers).toEqual({ ar: [], en: [] });
		expect(newQuestion('truefalse', [first], 2)).toMatchObject({
			id: 'q2',
			answer: 'true',
			paragraph: 2
		});
	});

	it('moves within the list and duplicates under a free id', () => {
		const list = [newQuestion('choice', [])];
		list.push(newQuestion('truefalse', list));
		expect(moveQuestion(list, 1, -1).map((q) => q.id)).toEqual(['q2', 'q1']);
		expect(moveQuestion(list, 1, 1).map((q) => q.id)).toEqual(['q1', 'q2']);
		const doubled = duplicateQuestion(list, 0);
		expect(doubled.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
		expect(doubled[1]!.choices).toEqual(list[0]!.choices);
		expect(doubled[1]!.choices).not.toBe(list[0]!.choices);
		expect(freeId([{ ...list[0]!, id: 'vote1' }], 'vote')).toBe('vote2');
	});
});
