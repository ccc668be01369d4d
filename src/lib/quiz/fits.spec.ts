import { describe, expect, it } from 'vitest';
import type { Answer } from './answer';
import { answerFits } from './fits';
import {
	CHOICE,
	CLOZE,
	EVIDENCE,
	MATCH,
	MULTI,
	ORDER,
	PARAGRAPHS,
	SHORT,
	TRUEFALSE
} from './questions.fixture';

describe('answerFits', () => {
	it.each<[string, Parameters<typeof answerFits>[0], Answer]>([
		['choice', CHOICE, { type: 'choice', choice: 2 }],
		['multi', MULTI, { type: 'multi', choices: [3, 0] }],
		['truefalse', TRUEFALSE, { type: 'truefalse', value: 'false' }],
		['short', SHORT, { type: 'short', text: 'x', lang: 'en' }],
		['order', ORDER, { type: 'order', order: [3, 2, 1, 0] }],
		['match', MATCH, { type: 'match', pairs: [-1, -1, 2] }],
		['cloze', CLOZE, { type: 'cloze', fills: [3, null] }],
		['evidence', EVIDENCE, { type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' }]
	])('accepts a %s answer in range', (_, question, answer) => {
		expect(answerFits(question, answer)).toBe(true);
		expect(answerFits(question, answer, PARAGRAPHS)).toBe(true);
	});

	it.each<[string, Parameters<typeof answerFits>[0], Answer]>([
		['a choice past the end', CHOICE, { type: 'choice', choice: 3 }],
		['a multi pick past the end', MULTI, { type: 'multi', choices: [0, 4] }],
		['an order missing an item', ORDER, { type: 'order', order: [0, 1, 2] }],
		['an order with an extra item', ORDER, { type: 'order', order: [0, 1, 2, 3, 4] }],
		['a match too short', MATCH, { type: 'match', pairs: [0, 1] }],
		['a match past the end', MATCH, { type: 'match', pairs: [0, 1, 3] }],
		['a cloze with a gap too many', CLOZE, { type: 'cloze', fills: [0, 1, 2] }],
		['a cloze past the bank', CLOZE, { type: 'cloze', fills: [0, 4] }],
		['another type', CHOICE, { type: 'truefalse', value: 'true' }],
		['an answer of the wrong type', SHORT, { type: 'choice', choice: 0 }]
	])('rejects %s', (_, question, answer) => {
		expect(answerFits(question, answer)).toBe(false);
	});

	it('checks evidence against the paragraphs when it has them', () => {
		const past = { type: 'evidence', paragraph: 2, sentence: 0, lang: 'ar' } as const;
		expect(answerFits(EVIDENCE, past)).toBe(true);
		expect(answerFits(EVIDENCE, past, PARAGRAPHS)).toBe(false);
		// Paragraph 0 has two sentences in each language.
		const second = { type: 'evidence', paragraph: 0, sentence: 1, lang: 'en' } as const;
		expect(answerFits(EVIDENCE, second, PARAGRAPHS)).toBe(true);
		expect(answerFits(EVIDENCE, { ...second, sentence: 2 }, PARAGRAPHS)).toBe(false);
	});

	it('rejects answers that were never parsed', () => {
		const junk = [
			null,
			{ type: 'choice', choice: NaN },
			{ type: 'multi', choices: [0, 0] },
			{ type: 'multi', choices: 'all' }
		];
		for (const answer of junk) {
			expect(answerFits(CHOICE, answer as Answer)).toBe(false);
			expect(answerFits(MULTI, answer as Answer)).toBe(false);
		}
	});
});
