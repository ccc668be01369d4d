import { describe, expect, it } from 'vitest';
import { duplicateQuestion, freeId, missingFields, moveQuestion, newQuestion } from './questions';

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

	it('gives the other four types as many items, pairs and gaps as they need at least', () => {
		expect(newQuestion('order', []).items).toEqual(Array(3).fill({ ar: '', en: '' }));
		expect(newQuestion('match', []).pairs).toEqual(
			Array(3).fill({ left: { ar: '', en: '' }, right: { ar: '', en: '' } })
		);
		expect(newQuestion('cloze', [])).toMatchObject({
			text: { ar: '', en: '' },
			gaps: [{ ar: '', en: '' }],
			distractors: []
		});
		const evidence = newQuestion('evidence', []);
		expect(Object.keys(evidence).sort()).toEqual(
			['evidence', 'evidence_en', 'explain', 'id', 'paragraph', 'prompt', 'skill', 'type'].sort()
		);
		// No two items share one object: editing one leaves the others.
		const order = newQuestion('order', []).items as { ar: string }[];
		order[0]!.ar = 'أ';
		expect(order[1]!.ar).toBe('');
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

	it('fills what a hand-written question lacks for its form, and nothing else', () => {
		const cloze = { ...newQuestion('cloze', []), text: 'a string', gaps: undefined };
		expect(missingFields(cloze)).toEqual({ text: { ar: '', en: '' }, gaps: [{ ar: '', en: '' }] });
		const order = newQuestion('order', []);
		delete order.items;
		expect(missingFields(order)).toEqual({ items: Array(3).fill({ ar: '', en: '' }) });
		expect(missingFields(newQuestion('match', []))).toEqual({});
		expect(missingFields({ ...newQuestion('choice', []), type: 'poll' })).toEqual({});
		// A short question's answers are not a list: an object with a list per language.
		expect(missingFields({ ...newQuestion('short', []), answers: ['yes'] })).toEqual({
			answers: { ar: [], en: [] }
		});
	});
});
