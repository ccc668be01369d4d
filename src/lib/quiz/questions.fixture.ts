import type { Question } from '$lib/lesson/schema';
import type { ParagraphText } from './passage';

// The questions of tests/fixtures/lessons/valid/tiny, inline so tests read on their own.

/** The tiny lesson's paragraphs: the article's Arabic and the English translation. */
export const PARAGRAPHS: ParagraphText[] = [
	{
		ar: 'صوّت مجلس المحافظة بأغلبية 26 عضواً من أصل 35 على القرار. وقال رئيس الكتلة إن القرار نهائي.',
		en: 'The provincial council voted by a majority of 26 members out of 35 for the decision. The head of the bloc said the decision was final.'
	},
	{
		ar: 'ويرى الكاتب أن على الحكومة إبقاء عدد من القوات في الوقت الحالي على الأقل.',
		en: 'The writer believes that the government should keep a number of forces for the time being at least.'
	}
];

const common = {
	skill: 'detail',
	paragraph: 0,
	evidence: '26 عضواً من أصل 35',
	evidence_en: '26 members out of 35',
	prompt: { ar: 'سؤال', en: 'Question' },
	explain: { ar: 'شرح', en: 'Explanation' }
} as const;

export const CHOICE = {
	...common,
	id: 'vote-count',
	type: 'choice',
	choices: [
		{ ar: '26 من 35', en: '26 of 35', correct: true },
		{ ar: '35 من 35', en: '35 of 35' },
		{ ar: '9 من 35', en: '9 of 35' }
	]
} satisfies Question;

export const MULTI = {
	...common,
	id: 'who-spoke',
	type: 'multi',
	choices: [
		{ ar: 'صوّت المجلس', en: 'The council voted', correct: true },
		{ ar: 'تكلّم رئيس الكتلة', en: 'The head of the bloc spoke', correct: true },
		{ ar: 'رُفض القرار', en: 'The decision was rejected' },
		{ ar: 'استقال المحافظ', en: 'The governor resigned' }
	]
} satisfies Question;

export const TRUEFALSE = {
	...common,
	id: 'final',
	type: 'truefalse',
	evidence: 'القرار نهائي',
	evidence_en: 'the decision was final',
	answer: 'true'
} satisfies Question;

export const SHORT = {
	...common,
	id: 'how-many',
	type: 'short',
	answers: { ar: ['26', 'ستة وعشرون'], en: ['26', 'twenty-six'] }
} satisfies Question;

export const ORDER = {
	...common,
	id: 'sequence',
	type: 'order',
	skill: 'sequence',
	items: [
		{ ar: 'التصويت', en: 'The vote' },
		{ ar: 'التصريح', en: 'The statement' },
		{ ar: 'الرأي', en: 'The opinion' },
		{ ar: 'الخاتمة', en: 'The conclusion' }
	]
} satisfies Question;

export const MATCH = {
	...common,
	id: 'who-said',
	type: 'match',
	skill: 'reference',
	paragraph: 1,
	pairs: [
		{ left: { ar: 'الكاتب', en: 'The writer' }, right: { ar: 'رأي', en: 'An opinion' } },
		{
			left: { ar: 'رئيس الكتلة', en: 'The head of the bloc' },
			right: { ar: 'تصريح', en: 'A statement' }
		},
		{ left: { ar: 'المجلس', en: 'The council' }, right: { ar: 'تصويت', en: 'A vote' } }
	]
} satisfies Question;

export const CLOZE = {
	...common,
	id: 'gap',
	type: 'cloze',
	skill: 'vocabulary',
	paragraph: 1,
	text: {
		ar: 'على الحكومة ___ عدد من ___.',
		en: 'The government should ___ a number of ___.'
	},
	gaps: [
		{ ar: 'إبقاء', en: 'keep' },
		{ ar: 'القوات', en: 'forces' }
	],
	distractors: [
		{ ar: 'إخراج', en: 'remove' },
		{ ar: 'الشرطة', en: 'police' }
	]
} satisfies Question;

export const EVIDENCE = {
	...common,
	id: 'council-said',
	type: 'evidence',
	skill: 'fact-opinion',
	evidence: 'وقال رئيس الكتلة إن القرار نهائي',
	evidence_en: 'The head of the bloc said the decision was final'
} satisfies Question;

/** One question of each type. */
export const QUESTIONS: Question[] = [
	CHOICE,
	MULTI,
	TRUEFALSE,
	SHORT,
	ORDER,
	MATCH,
	CLOZE,
	EVIDENCE
];
