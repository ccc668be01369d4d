/**
 * A lesson as a paper worksheet: the questions without their answers, options in an order that
 * does not give the answer away (authors tend to write the right one first), and, apart, the key
 * that refers to what is printed. Pure, so the sheet and its key cannot disagree.
 */
import type { CompiledQuestion, Lesson } from '$lib/lesson';
import type { Bilingual, QuestionType } from '$lib/lesson/types';
import type { Translate } from '$lib/i18n';
import { clozeBank, shuffled } from '$lib/quiz';

/** What one question prints. Lists are in the printed order. */
export interface PaperQuestion {
	id: string;
	/** From 1. */
	number: number;
	type: QuestionType;
	/** The paragraph (from 0) the question is about. */
	paragraph: number;
	prompt: Bilingual;
	/** `choice` and `multi`: the options to tick, labelled a, b, c… */
	choices?: Bilingual[];
	/** `order`: the events to number. */
	items?: Bilingual[];
	/** `match`: numbered on one side, lettered on the other. */
	lefts?: Bilingual[];
	rights?: Bilingual[];
	/** `cloze`: the sentence with `___` gaps, and the word bank. */
	cloze?: { text: Bilingual; bank: Bilingual[] };
}

/** The answer to one printed question, by what is printed (letters are indexes into the lists). */
export type PaperKey =
	| { type: 'choice'; options: number[] }
	| { type: 'multi'; options: number[] }
	| { type: 'truefalse'; value: 'true' | 'false' | 'not-given' }
	| { type: 'order'; positions: number[] }
	| { type: 'match'; rights: number[] }
	| { type: 'text'; lines: Bilingual[] };

export interface Worksheet {
	id: string;
	title: Bilingual;
	source: Lesson['source'];
	paragraphs: Bilingual[];
	questions: PaperQuestion[];
	/** Present only when asked for: a sheet for students carries no answers. */
	key?: { number: number; answer: PaperKey }[];
}

function paperQuestion(lesson: Lesson, question: CompiledQuestion, number: number) {
	const seed = `${lesson.id}:${question.id}:paper`;
	const paper: PaperQuestion = {
		id: question.id,
		number,
		type: question.type,
		paragraph: question.paragraph,
		prompt: question.prompt
	};
	let answer: PaperKey;
	switch (question.type) {
		case 'choice':
		case 'multi': {
			const order = shuffled(question.choices, seed);
			paper.choices = order.map(({ item }) => ({ ar: item.ar, en: item.en }));
			const options = order.flatMap(({ item }, at) => (item.correct ? [at] : []));
			answer =
				question.type === 'choice' ? { type: 'choice', options } : { type: 'multi', options };
			break;
		}
		case 'truefalse':
			answer = { type: 'truefalse', value: question.answer };
			break;
		case 'short':
			answer = {
				type: 'text',
				lines: [{ ar: question.answers.ar[0]!, en: question.answers.en[0]! }]
			};
			break;
		case 'order': {
			const order = shuffled(question.items, seed);
			paper.items = order.map(({ item }) => item);
			// Beside each printed event, the number it should get.
			answer = { type: 'order', positions: order.map(({ index }) => index + 1) };
			break;
		}
		case 'match': {
			const order = shuffled(
				question.pairs.map((pair) => pair.right),
				seed
			);
			paper.lefts = question.pairs.map((pair) => pair.left);
			paper.rights = order.map(({ item }) => item);
			// For the n-th left, the printed position of its partner.
			answer = {
				type: 'match',
				rights: question.pairs.map((_, left) => order.findIndex(({ index }) => index === left))
			};
			break;
		}
		case 'cloze':
			paper.cloze = { text: question.text, bank: clozeBank(question) };
			answer = { type: 'text', lines: question.gaps };
			break;
		case 'evidence':
			answer = { type: 'text', lines: [{ ar: question.evidence, en: question.evidence_en }] };
			break;
	}
	return { paper, answer };
}

/**
 * The worksheet of a lesson: its passage in Arabic and English, then its questions.
 *
 * @param options.key include the answer key (for the teacher)
 */
export function worksheet(lesson: Lesson, options: { key: boolean }): Worksheet {
	const built = lesson.questions.map((question, i) => paperQuestion(lesson, question, i + 1));
	return {
		id: lesson.id,
		title: lesson.title,
		source: lesson.source,
		paragraphs: lesson.paragraphs.map(({ ar, en }) => ({ ar, en })),
		questions: built.map(({ paper }) => paper),
		...(options.key
			? { key: built.map(({ paper, answer }) => ({ number: paper.number, answer })) }
			: {})
	};
}

/** Option labels: Latin letters for English, the abjad order for Arabic. */
const LETTERS = {
	en: 'abcdefghijklmnop'.split(''),
	ar: ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع']
} as const;

/** The label of the option at `index` (from 0). */
export function letter(index: number, lang: 'ar' | 'en'): string {
	return LETTERS[lang][index] ?? String(index + 1);
}

/** A language the questions are printed in, with that language's strings. */
export interface Paper {
	lang: 'ar' | 'en';
	t: Translate;
}
