/**
 * What a student answers, per question type, as plain JSON. Answers are kept in IndexedDB and sent
 * to the server, so they arrive from storage and from the network as untrusted input: `parseAnswer`
 * checks the shape, `answerFits` checks it against the question it answers.
 */
import * as v from 'valibot';
import type { Question } from '$lib/lesson/schema';
import { BIDI_CONTROLS, findControlCharacter } from '$lib/text';
import { sentencesOf, type ParagraphText } from './passage';

/** The most items an answer may list; no question comes near it. */
export const MAX_ANSWER_ITEMS = 50;

/** The most characters a typed answer may have. */
export const MAX_ANSWER_TEXT = 500;

// Far beyond any lesson, yet small enough that a stored index is never a float in disguise.
const MAX_INDEX = 9999;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');

const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_INDEX));

const list = <T extends v.GenericSchema>(item: T) =>
	v.pipe(v.array(item), v.maxLength(MAX_ANSWER_ITEMS));

function distinct(values: readonly (number | null)[], blank: number | null): boolean {
	const used = values.filter((value) => value !== blank);
	return new Set(used).size === used.length;
}

const lang = v.picklist(['ar', 'en']);

const ChoiceAnswer = v.strictObject({ type: v.literal('choice'), choice: index });

const MultiAnswer = v.strictObject({
	type: v.literal('multi'),
	// A repeated pick would otherwise count twice towards partial credit.
	choices: v.pipe(
		list(index),
		v.check((choices) => distinct(choices, null), 'must not repeat a choice')
	)
});

const TrueFalseAnswer = v.strictObject({
	type: v.literal('truefalse'),
	value: v.picklist(['true', 'false', 'not-given'])
});

const ShortAnswer = v.strictObject({
	type: v.literal('short'),
	text: v.pipe(
		v.string(),
		v.maxLength(MAX_ANSWER_TEXT),
		// Phone keyboards insert RLM, ZWNJ and the like on their own, so these are dropped rather
		// than refused; normalise would ignore them anyway, and bidi overrides must never reach a
		// teacher's screen.
		v.transform((text) => text.replace(BIDI_CONTROLS_ALL, '')),
		// What remains (NUL, other C0 controls, DEL, C1) no keyboard types, and NUL breaks storage
		// layers: such an answer is junk rather than a typo.
		v.check((text) => findControlCharacter(text) === -1, 'must not hold control characters')
	),
	lang
});

const OrderAnswer = v.strictObject({
	type: v.literal('order'),
	order: v.pipe(
		list(index),
		v.check((order) => distinct(order, null), 'must not repeat an item')
	)
});

const MatchAnswer = v.strictObject({
	type: v.literal('match'),
	pairs: v.pipe(
		list(v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(MAX_INDEX))),
		v.check((pairs) => distinct(pairs, -1), 'must not use a right-hand item twice')
	)
});

const ClozeAnswer = v.strictObject({
	type: v.literal('cloze'),
	fills: v.pipe(
		list(v.nullable(index)),
		v.check((fills) => distinct(fills, null), 'must not use a bank word twice')
	)
});

const EvidenceAnswer = v.strictObject({
	type: v.literal('evidence'),
	paragraph: index,
	sentence: index,
	lang
});

/**
 * The schema of an answer, for embedding in larger request schemas (a sync batch). Indexes refer
 * to the question as authored, never to the order the app showed things in.
 */
export const Answer = v.variant('type', [
	ChoiceAnswer,
	MultiAnswer,
	TrueFalseAnswer,
	ShortAnswer,
	OrderAnswer,
	MatchAnswer,
	ClozeAnswer,
	EvidenceAnswer
]);

/**
 * A student's answer to one question:
 * - `choice`: index into `question.choices`;
 * - `multi`: indexes into `question.choices`, each at most once;
 * - `truefalse`: the verdict;
 * - `short`: the typed text and the reading language it was typed in;
 * - `order`: indexes into `question.items`, in the order the student put them;
 * - `match`: for each left item, the index of the right item matched to it, or -1;
 * - `cloze`: for each gap, an index into `clozeBank(question)`, or null;
 * - `evidence`: a paragraph, and a sentence of its text in `lang`, numbered as the compiled
 *   paragraph's `sentences` (`splitSentences`) number them.
 */
export type Answer = v.InferOutput<typeof Answer>;

/**
 * Checks the shape of an answer read from storage or the network: known type, no unknown fields,
 * whole non-negative indexes (or -1 / null where the type allows a blank), at most
 * `MAX_ANSWER_ITEMS` items, no repeats, typed text of at most `MAX_ANSWER_TEXT` characters without
 * control characters. Bidi and zero-width marks are removed from typed text.
 *
 * @returns the answer, or null when it is malformed
 */
export function parseAnswer(value: unknown): Answer | null {
	const result = v.safeParse(Answer, value);
	return result.success ? result.output : null;
}

const inRange = (value: number, length: number) => value >= 0 && value < length;

/**
 * Tells whether an answer can be graded against a question: well-formed, of the question's type,
 * every index in range, and one entry per item, pair or gap where the type needs it (`order` must be
 * a full arrangement; `match` and `cloze` list one entry per left item or gap, blanks allowed).
 *
 * @param paragraphs the lesson's paragraphs; when given, an evidence answer's paragraph and sentence
 *   must exist in them. A different paragraph from the question's still fits: it is a wrong answer,
 *   not a malformed one.
 */
export function answerFits(
	question: Question,
	answer: Answer,
	paragraphs?: readonly ParagraphText[]
): boolean {
	// Answers may reach this point straight from storage, typed but never parsed.
	if (!v.is(Answer, answer) || answer.type !== question.type) return false;
	switch (question.type) {
		case 'choice':
			return answer.type === 'choice' && inRange(answer.choice, question.choices.length);
		case 'multi':
			return (
				answer.type === 'multi' &&
				answer.choices.every((choice) => inRange(choice, question.choices.length))
			);
		case 'truefalse':
		case 'short':
			return true;
		case 'order':
			return (
				answer.type === 'order' &&
				answer.order.length === question.items.length &&
				answer.order.every((item) => inRange(item, question.items.length))
			);
		case 'match':
			return (
				answer.type === 'match' &&
				answer.pairs.length === question.pairs.length &&
				answer.pairs.every((right) => right === -1 || inRange(right, question.pairs.length))
			);
		case 'cloze': {
			const bankSize = question.gaps.length + question.distractors.length;
			return (
				answer.type === 'cloze' &&
				answer.fills.length === question.gaps.length &&
				answer.fills.every((fill) => fill === null || inRange(fill, bankSize))
			);
		}
		case 'evidence': {
			if (answer.type !== 'evidence') return false;
			if (paragraphs === undefined) return true;
			const paragraph = paragraphs[answer.paragraph];
			return (
				paragraph !== undefined &&
				inRange(answer.sentence, sentencesOf(paragraph, answer.lang).length)
			);
		}
	}
}
