import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/lesson/schema';
import type { Answer } from './answer';
import { clozeBank } from './cloze';
import { evidenceSpan, grade, type Grade } from './grade';
import { matchesAnswer } from './short';
import {
	CHOICE,
	CLOZE,
	EVIDENCE,
	MATCH,
	MULTI,
	ORDER,
	PARAGRAPHS,
	QUESTIONS,
	SHORT,
	TRUEFALSE
} from './questions.fixture';

const RIGHT: Grade = { correct: true, score: 1 };
const WRONG: Grade = { correct: false, score: 0 };
const partial = (score: number): Grade => ({ correct: false, score });

const run = (question: Question, answer: Answer) => grade(question, answer, PARAGRAPHS);

describe('grade: choice', () => {
	it.each<[string, number, Grade]>([
		['the right choice', 0, RIGHT],
		['a wrong choice', 2, WRONG],
		['a choice past the end', 3, WRONG],
		['a negative choice', -1, WRONG]
	])('%s', (_, choice, expected) => {
		expect(run(CHOICE, { type: 'choice', choice })).toEqual(expected);
	});
});

describe('grade: multi', () => {
	it.each<[string, number[], Grade]>([
		['exactly the right set', [0, 1], RIGHT],
		['the right set in another order', [1, 0], RIGHT],
		['half of the right set', [1], partial(0.5)],
		['one right and one wrong pick', [0, 2], partial(0)],
		['all right picks and one wrong', [0, 1, 3], partial(0.5)],
		['every choice', [0, 1, 2, 3], partial(0)],
		['only wrong picks, floored at 0', [2, 3], partial(0)],
		['nothing', [], partial(0)],
		['a pick past the end', [0, 1, 4], WRONG],
		['a repeated pick', [0, 0], WRONG]
	])('%s', (_, choices, expected) => {
		expect(run(MULTI, { type: 'multi', choices })).toEqual(expected);
	});
});

describe('grade: truefalse', () => {
	it.each<['true' | 'false' | 'not-given', Grade]>([
		['true', RIGHT],
		['false', WRONG],
		['not-given', WRONG]
	])('%s', (value, expected) => {
		expect(run(TRUEFALSE, { type: 'truefalse', value })).toEqual(expected);
	});
});

describe('grade: short', () => {
	const short = (text: string, lang: 'ar' | 'en' = 'ar') =>
		run(SHORT, { type: 'short', text, lang });

	it.each([
		['26', 'ar'],
		['٢٦', 'ar'],
		['۲۶', 'ar'],
		[' 26. ', 'ar'],
		['ستة وعشرون', 'ar'],
		['سِتَّةٌ وَعِشْرُونَ', 'ar'],
		['ستـــة وعشرون', 'ar'],
		['سته وعشرون', 'ar'],
		['ستة و عشرون', 'ar'],
		['ستة، وعشرون', 'ar'],
		['26', 'en'],
		['Twenty-Six!', 'en'],
		['twenty six', 'en'],
		['twentysix', 'en'],
		['TWENTY SIX', 'en'],
		// Either language's answers count, whichever the student reads in.
		['twenty-six', 'ar'],
		['ستة وعشرون', 'en']
	] as const)('accepts %j in %s', (text, lang) => {
		expect(short(text, lang)).toEqual(RIGHT);
	});

	it.each([
		['25', 'ar'],
		['٢٥', 'ar'],
		['262', 'ar'],
		['2 6', 'ar'],
		['26 35', 'ar'],
		['', 'ar'],
		['   ', 'ar'],
		['؟', 'ar'],
		['twenty', 'en'],
		['twenty-seven', 'en']
	] as const)('rejects %j in %s', (text, lang) => {
		expect(short(text, lang)).toEqual(WRONG);
	});

	const agreement: Question = {
		...SHORT,
		answers: { ar: ['الاتفاقية الأمنية'], en: ['the security agreement'] }
	};
	const spelling = (text: string, lang: 'ar' | 'en' = 'ar') =>
		run(agreement, { type: 'short', text, lang }).correct;

	it.each([
		['the answer as written', 'الاتفاقية الأمنية'],
		['without hamza', 'الاتفاقية الامنية'],
		['with hamza under the alef', 'الإتفاقية الأمنية'],
		['with tashkeel', 'الاتِّفَاقِيَّةُ الأَمْنِيَّةُ'],
		['with ه for ة', 'الاتفاقيه الامنيه'],
		['without ال', 'اتفاقية أمنية'],
		['with و', 'والاتفاقية الأمنية'],
		['with بال', 'بالاتفاقية الأمنية'],
		['with one typo in a long word', 'الاتفاقية الأمنبة'],
		['with a letter missing from a long word', 'الاتفاقة الأمنية'],
		['with bidi marks', '\u200Fالاتفاقية\u200C الأمنية']
	])('accepts the Arabic answer %s', (_, text) => {
		expect(spelling(text)).toBe(true);
	});

	it.each([
		['with two typos in one word', 'الاتفاقية الأمنبت'],
		['with a word missing', 'الاتفاقية'],
		['with a word too many', 'الاتفاقية الأمنية الجديدة'],
		['in the wrong order', 'الأمنية الاتفاقية']
	])('rejects the Arabic answer %s', (_, text) => {
		expect(spelling(text)).toBe(false);
	});

	it('allows a typo in a long English word only', () => {
		expect(spelling('The Security Agreemnt', 'en')).toBe(true);
		expect(spelling('the security agreement.', 'en')).toBe(true);
		expect(spelling('the securty agreement', 'en')).toBe(true);
		expect(spelling('the secure agreement', 'en')).toBe(false);
	});

	it('allows no typo in a short word, even with clitics around it', () => {
		expect(matchesAnswer('كتاب', 'كتاب')).toBe(true);
		expect(matchesAnswer('والكتاب', 'كتاب')).toBe(true);
		expect(matchesAnswer('كتب', 'كتاب')).toBe(false);
		expect(matchesAnswer('كلاب', 'كتاب')).toBe(false);
		expect(matchesAnswer('والكلاب', 'والكتاب')).toBe(false);
	});

	it('folds hamza seats leniently', () => {
		expect(matchesAnswer('مسئول', 'مسؤول')).toBe(true);
		expect(matchesAnswer('رئيس', 'رييس')).toBe(true);
		expect(matchesAnswer('مستشفى', 'مستشفي')).toBe(true);
	});

	it('gives numbers no slack', () => {
		expect(matchesAnswer('20145', '2014')).toBe(false);
		expect(matchesAnswer('2015', '2014')).toBe(false);
		expect(matchesAnswer('1.5', '15')).toBe(false);
		expect(matchesAnswer('١٬٥', '1,5')).toBe(true);
	});

	it('lets spacing differ in names', () => {
		expect(matchesAnswer('عبدالله', 'عبد الله')).toBe(true);
		expect(matchesAnswer('عبد الله', 'عبدالله')).toBe(true);
	});
});

describe('grade: order', () => {
	// ORDER has 4 items, so 6 pairs.
	it.each<[string, number[], Grade]>([
		['the authored order', [0, 1, 2, 3], RIGHT],
		['two neighbours swapped', [1, 0, 2, 3], partial(5 / 6)],
		['the last item first', [3, 0, 1, 2], partial(3 / 6)],
		['reversed', [3, 2, 1, 0], partial(0)],
		['an item missing', [0, 1, 2], WRONG],
		['an item past the end', [0, 1, 2, 4], WRONG],
		['a repeated item', [0, 1, 1, 2], WRONG]
	])('%s', (_, order, expected) => {
		const result = run(ORDER, { type: 'order', order });
		expect(result.correct).toBe(expected.correct);
		expect(result.score).toBeCloseTo(expected.score, 10);
	});
});

describe('grade: match', () => {
	it.each<[string, number[], Grade]>([
		['all right', [0, 1, 2], RIGHT],
		['two swapped', [1, 0, 2], partial(1 / 3)],
		['two right, one blank', [0, 1, -1], partial(2 / 3)],
		['all blank', [-1, -1, -1], partial(0)],
		['rotated', [1, 2, 0], partial(0)],
		['too few entries', [0, 1], WRONG],
		['a right item past the end', [0, 1, 3], WRONG],
		['a right item used twice', [0, 0, 2], WRONG]
	])('%s', (_, pairs, expected) => {
		expect(run(MATCH, { type: 'match', pairs })).toEqual(expected);
	});

	it('takes a right item that reads the same as the expected one', () => {
		const speakers: Question = {
			...MATCH,
			pairs: [
				{ left: { ar: 'قول أول', en: 'First saying' }, right: { ar: 'الكاتب', en: 'The writer' } },
				{ left: { ar: 'قول ثان', en: 'Second saying' }, right: { ar: 'الكاتب', en: 'The writer' } },
				{ left: { ar: 'قول ثالث', en: 'Third saying' }, right: { ar: 'المجلس', en: 'The council' } }
			]
		};
		expect(run(speakers, { type: 'match', pairs: [1, 0, 2] })).toEqual(RIGHT);
		expect(run(speakers, { type: 'match', pairs: [2, 0, 1] })).toEqual(partial(1 / 3));
	});
});

describe('grade: cloze', () => {
	const bank = clozeBank(CLOZE);
	const at = (ar: string) => bank.findIndex((word) => word.ar === ar);
	const cloze = (fills: (number | null)[]) => run(CLOZE, { type: 'cloze', fills });

	it('grades by bank position, not by authored position', () => {
		expect(cloze([at('إبقاء'), at('القوات')])).toEqual(RIGHT);
		expect(cloze([at('القوات'), at('إبقاء')])).toEqual(partial(0));
		expect(cloze([at('إبقاء'), at('الشرطة')])).toEqual(partial(0.5));
		expect(cloze([null, at('القوات')])).toEqual(partial(0.5));
		expect(cloze([null, null])).toEqual(partial(0));
		expect(cloze([at('إخراج'), at('الشرطة')])).toEqual(partial(0));
	});

	it('gives nothing for answers that do not fit', () => {
		expect(cloze([at('إبقاء')])).toEqual(WRONG);
		expect(cloze([at('إبقاء'), at('القوات'), null])).toEqual(WRONG);
		expect(cloze([at('إبقاء'), bank.length])).toEqual(WRONG);
		expect(cloze([at('إبقاء'), at('إبقاء')])).toEqual(WRONG);
	});

	it('does not penalise a word that is in the bank twice', () => {
		const twice: Question = {
			...CLOZE,
			text: { ar: '___ ثم ___', en: '___ then ___' },
			gaps: [
				{ ar: 'صوّت', en: 'voted' },
				{ ar: 'صوت', en: 'voted' }
			],
			distractors: [{ ar: 'رفض', en: 'refused' }]
		};
		const words = clozeBank(twice);
		const voted = words.flatMap((word, i) => (word.en === 'voted' ? [i] : []));
		expect(voted).toHaveLength(2);
		const [first = -1, second = -1] = voted;
		const answer = (fills: number[]) => run(twice, { type: 'cloze', fills });
		expect(answer([first, second])).toEqual(RIGHT);
		expect(answer([second, first])).toEqual(RIGHT);
	});
});

describe('grade: evidence', () => {
	const evidence = (question: Question, paragraph: number, sentence: number, lang: 'ar' | 'en') =>
		run(question, { type: 'evidence', paragraph, sentence, lang });

	it.each(['ar', 'en'] as const)('takes the sentence that holds the quote in %s', (lang) => {
		expect(evidence(EVIDENCE, 0, 1, lang)).toEqual(RIGHT);
		expect(evidence(EVIDENCE, 0, 0, lang)).toEqual(WRONG);
	});

	it.each(['ar', 'en'] as const)(
		'rejects another paragraph or a missing sentence in %s',
		(lang) => {
			expect(evidence(EVIDENCE, 1, 0, lang)).toEqual(WRONG);
			expect(evidence(EVIDENCE, 0, 2, lang)).toEqual(WRONG);
			expect(evidence(EVIDENCE, 5, 0, lang)).toEqual(WRONG);
		}
	);

	it('takes every sentence a quote runs across', () => {
		const across: Question = {
			...EVIDENCE,
			evidence: 'من أصل 35 على القرار. وقال رئيس الكتلة',
			evidence_en: 'out of 35 for the decision. The head of the bloc'
		};
		for (const lang of ['ar', 'en'] as const) {
			expect(evidence(across, 0, 0, lang)).toEqual(RIGHT);
			expect(evidence(across, 0, 1, lang)).toEqual(RIGHT);
		}
	});

	it('finds the English quote whatever its case and punctuation', () => {
		const shouting: Question = { ...EVIDENCE, evidence_en: 'THE HEAD OF THE BLOC SAID' };
		expect(evidence(shouting, 0, 1, 'en')).toEqual(RIGHT);
		expect(evidence(shouting, 0, 0, 'en')).toEqual(WRONG);
	});

	it('uses the spans a compiled lesson carries', () => {
		const paragraph = PARAGRAPHS[0]!;
		// Spans that disagree with the text on purpose, to show which ones count.
		const compiledQuestion = {
			...EVIDENCE,
			evidenceSpan: { ar: { start: 0, end: 4 }, en: { start: 0, end: 3 } }
		};
		expect(evidenceSpan(compiledQuestion, paragraph, 'en')).toEqual({ start: 0, end: 3 });
		const answer = (sentence: number) =>
			grade(compiledQuestion, { type: 'evidence', paragraph: 0, sentence, lang: 'ar' }, [
				{ ...paragraph, sentences: { ar: [{ start: 0, end: 10 }], en: [] } }
			]);
		expect(answer(0)).toEqual(RIGHT);
		expect(answer(1)).toEqual(WRONG);
	});

	it('gives nothing when the quote is not in the paragraph', () => {
		const missing: Question = { ...EVIDENCE, evidence: 'غير موجود', evidence_en: 'not there' };
		expect(evidence(missing, 0, 1, 'ar')).toEqual(WRONG);
		expect(evidence(missing, 0, 1, 'en')).toEqual(WRONG);
	});

	it('gives nothing without the paragraphs', () => {
		expect(
			grade(EVIDENCE, { type: 'evidence', paragraph: 0, sentence: 1, lang: 'ar' }, [])
		).toEqual(WRONG);
	});
});

describe('grade: anything else', () => {
	const ANSWERS: Answer[] = [
		{ type: 'choice', choice: 0 },
		{ type: 'multi', choices: [0, 1] },
		{ type: 'truefalse', value: 'true' },
		{ type: 'short', text: '26', lang: 'ar' },
		{ type: 'order', order: [0, 1, 2, 3] },
		{ type: 'match', pairs: [0, 1, 2] },
		{ type: 'cloze', fills: [0, 3] },
		{ type: 'evidence', paragraph: 0, sentence: 1, lang: 'ar' }
	];

	it('has an answer of the right type that scores full marks for each fixture', () => {
		for (const question of QUESTIONS) {
			const answer = ANSWERS.find((candidate) => candidate.type === question.type);
			expect(answer && run(question, answer), question.type).toEqual(RIGHT);
		}
	});

	it('gives 0 to an answer of another type', () => {
		for (const question of QUESTIONS) {
			for (const answer of ANSWERS) {
				if (answer.type === question.type) continue;
				expect(run(question, answer), `${answer.type} for ${question.type}`).toEqual(WRONG);
			}
		}
	});

	it('never throws on junk', () => {
		const junk: unknown[] = [
			null,
			undefined,
			'choice',
			42,
			[],
			{},
			{ type: 'choice' },
			{ type: 'choice', choice: NaN },
			{ type: 'multi', choices: null },
			{ type: 'multi', choices: [NaN] },
			{ type: 'short', text: null, lang: 'ar' },
			{ type: 'short', text: '26', lang: 'fr' },
			{ type: 'order', order: 'abc' },
			{ type: 'match', pairs: [{}, {}, {}] },
			{ type: 'cloze', fills: [undefined, undefined] },
			{ type: 'evidence', paragraph: -1, sentence: -1, lang: 'ar' },
			{ type: 'evidence', paragraph: '0', sentence: 1, lang: 'ar' }
		];
		for (const question of QUESTIONS) {
			for (const answer of junk) {
				expect(run(question, answer as Answer)).toEqual(WRONG);
			}
		}
	});

	it('returns a fresh object every time', () => {
		const first = run(CHOICE, { type: 'choice', choice: 1 });
		first.score = 1;
		expect(run(CHOICE, { type: 'choice', choice: 1 })).toEqual(WRONG);
	});
});
