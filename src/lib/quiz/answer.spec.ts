import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_ITEMS, MAX_ANSWER_TEXT, parseAnswer, type Answer } from './answer';

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
