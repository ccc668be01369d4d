import { describe, expect, it } from 'vitest';
import { answerFits, MAX_ANSWER_ITEMS, MAX_ANSWER_TEXT, parseAnswer, type Answer } from './answer';
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

const range = (length: number) => Array.from({ length }, (_, i) => i);

describe('parseAnswer', () => {
	it.each<[string, Answer]>([
		['choice', { type: 'choice', choice: 0 }],
		['multi', { type: 'multi', choices: [0, 2] }],
		['multi with nothing picked', { type: 'multi', choices: [] }],
		['truefalse', { type: 'truefalse', value: 'not-given' }],
		['short in Arabic', { type: 'short', text: 'ستة وعشرون', lang: 'ar' }],
		['short left empty', { type: 'short', text: '', lang: 'en' }],
		['order', { type: 'order', order: [2, 0, 1] }],
		['match with a blank', { type: 'match', pairs: [1, -1, 0] }],
		['cloze with a blank', { type: 'cloze', fills: [3, null] }],
		['match left all blank', { type: 'match', pairs: [-1, -1, -1] }],
		['cloze left all blank', { type: 'cloze', fills: [null, null] }],
		['evidence', { type: 'evidence', paragraph: 1, sentence: 0, lang: 'en' }],
		['the longest lists', { type: 'order', order: range(MAX_ANSWER_ITEMS) }],
		['the longest text', { type: 'short', text: 'ا'.repeat(MAX_ANSWER_TEXT), lang: 'ar' }]
	])('accepts %s', (_, answer) => {
		expect(parseAnswer(answer)).toEqual(answer);
	});

	it('survives a JSON round trip', () => {
		const answer = { type: 'cloze', fills: [null, 1] };
		expect(parseAnswer(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
	});

	it.each<[string, unknown]>([
		['null', null],
		['undefined', undefined],
		['a string', 'choice'],
		['a number', 3],
		['an array', [{ type: 'choice', choice: 0 }]],
		['an unknown type', { type: 'essay', text: 'x' }],
		['no type', { choice: 0 }],
		['an unknown field', { type: 'choice', choice: 0, correct: true }],
		['a missing field', { type: 'evidence', paragraph: 0, sentence: 0 }],
		['NaN', { type: 'choice', choice: NaN }],
		['Infinity', { type: 'choice', choice: Infinity }],
		['a fraction', { type: 'choice', choice: 0.5 }],
		['a numeric string', { type: 'choice', choice: '0' }],
		['a negative index', { type: 'choice', choice: -1 }],
		['a huge index', { type: 'choice', choice: 1e12 }],
		['a negative multi pick', { type: 'multi', choices: [0, -2] }],
		['a repeated multi pick', { type: 'multi', choices: [1, 1] }],
		['a huge array', { type: 'multi', choices: range(MAX_ANSWER_ITEMS + 1) }],
		['an array of 10 000', { type: 'order', order: range(10_000) }],
		['a sparse array', { type: 'order', order: new Array(3) }],
		['a repeated order item', { type: 'order', order: [0, 0, 1] }],
		['-2 in a match', { type: 'match', pairs: [-2, 0, 1] }],
		['a right item used twice', { type: 'match', pairs: [1, 1, 0] }],
		['a bank word used twice', { type: 'cloze', fills: [2, 2] }],
		['a negative bank index', { type: 'cloze', fills: [-1] }],
		['undefined in a cloze', { type: 'cloze', fills: [undefined] }],
		['a truefalse boolean', { type: 'truefalse', value: true }],
		['an unknown verdict', { type: 'truefalse', value: 'maybe' }],
		['an unknown language', { type: 'short', text: '26', lang: 'fr' }],
		['a text too long', { type: 'short', text: 'a'.repeat(MAX_ANSWER_TEXT + 1), lang: 'en' }],
		['a text that is not a string', { type: 'short', text: 26, lang: 'en' }],
		['NUL in a text', { type: 'short', text: 'ab\u0000c', lang: 'en' }],
		['a C1 control in a text', { type: 'short', text: 'ab\u0085c', lang: 'en' }],
		['a negative sentence', { type: 'evidence', paragraph: 0, sentence: -1, lang: 'ar' }],
		['an unknown field left undefined', { type: 'choice', choice: 0, extra: undefined }],
		['fields it only inherits', Object.create({ type: 'choice', choice: 0 })],
		['a field that is an array', { type: 'evidence', paragraph: [1], sentence: 0, lang: 'ar' }]
	])('rejects %s', (_, value) => {
		expect(parseAnswer(value)).toBeNull();
	});

	it('gives back a copy, so changing it leaves the stored value alone', () => {
		const stored = { type: 'order', order: [1, 0] };
		const answer = parseAnswer(stored);
		expect(answer).toEqual(stored);
		expect(answer).not.toBe(stored);
		if (answer?.type === 'order') answer.order.push(2);
		expect(stored.order).toEqual([1, 0]);
	});

	it('drops bidi and zero-width marks from typed text', () => {
		expect(parseAnswer({ type: 'short', text: '\u202Eست\u200Cة\u200F', lang: 'ar' })).toEqual({
			type: 'short',
			text: 'ستة',
			lang: 'ar'
		});
	});

	it('keeps tabs and line breaks in typed text', () => {
		expect(parseAnswer({ type: 'short', text: 'a\tb\nc', lang: 'en' })).toEqual({
			type: 'short',
			text: 'a\tb\nc',
			lang: 'en'
		});
	});
});

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
