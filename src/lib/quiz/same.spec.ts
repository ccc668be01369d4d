import { describe, expect, it } from 'vitest';
import type { Answer } from './answer';
import { answerSignature, sameAnswer } from './same';

describe('sameAnswer', () => {
	it.each<[string, Answer, Answer]>([
		['a choice', { type: 'choice', choice: 2 }, { type: 'choice', choice: 2 }],
		[
			'picks in another order',
			{ type: 'multi', choices: [3, 1] },
			{ type: 'multi', choices: [1, 3] }
		],
		[
			'a verdict',
			{ type: 'truefalse', value: 'not-given' },
			{ type: 'truefalse', value: 'not-given' }
		],
		[
			'text with other spaces, case and vowel marks',
			{ type: 'short', text: '  The  Council ', lang: 'en' },
			{ type: 'short', text: 'the council', lang: 'en' }
		],
		[
			'Arabic with tashkeel, tatweel and another alef',
			{ type: 'short', text: 'مَجْلِسُ المحافظة', lang: 'ar' },
			{ type: 'short', text: 'مجلـس المحافظه', lang: 'ar' }
		],
		['an order', { type: 'order', order: [2, 0, 1] }, { type: 'order', order: [2, 0, 1] }],
		['pairs', { type: 'match', pairs: [1, -1, 0] }, { type: 'match', pairs: [1, -1, 0] }],
		['fills', { type: 'cloze', fills: [null, 2] }, { type: 'cloze', fills: [null, 2] }],
		[
			'a sentence',
			{ type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' },
			{ type: 'evidence', lang: 'ar', sentence: 0, paragraph: 1 } as Answer
		]
	])('holds for %s', (_, a, b) => {
		expect(sameAnswer(a, b)).toBe(true);
		expect(answerSignature(a)).toBe(answerSignature(b));
	});

	it.each<[string, Answer, Answer]>([
		['another choice', { type: 'choice', choice: 2 }, { type: 'choice', choice: 1 }],
		['one pick more', { type: 'multi', choices: [1] }, { type: 'multi', choices: [1, 3] }],
		[
			'another verdict',
			{ type: 'truefalse', value: 'true' },
			{ type: 'truefalse', value: 'false' }
		],
		[
			'another word',
			{ type: 'short', text: 'the council', lang: 'en' },
			{ type: 'short', text: 'the councils', lang: 'en' }
		],
		[
			'the same text in the other reading language',
			{ type: 'short', text: '14', lang: 'en' },
			{ type: 'short', text: '14', lang: 'ar' }
		],
		['two items swapped', { type: 'order', order: [2, 0, 1] }, { type: 'order', order: [0, 2, 1] }],
		['one pair undone', { type: 'match', pairs: [1, -1, 0] }, { type: 'match', pairs: [1, 2, 0] }],
		['a gap filled', { type: 'cloze', fills: [null, 2] }, { type: 'cloze', fills: [0, 2] }],
		[
			'gaps [1, 2] and [12]',
			{ type: 'cloze', fills: [1, 2] },
			{ type: 'cloze', fills: [12, null] }
		],
		[
			'another sentence',
			{ type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' },
			{ type: 'evidence', paragraph: 1, sentence: 1, lang: 'ar' }
		],
		[
			'the same numbers in the other language',
			{ type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' },
			{ type: 'evidence', paragraph: 1, sentence: 0, lang: 'en' }
		],
		['another type', { type: 'order', order: [1, 0] }, { type: 'match', pairs: [1, 0] }]
	])('fails for %s', (_, a, b) => {
		expect(sameAnswer(a, b)).toBe(false);
	});
});
