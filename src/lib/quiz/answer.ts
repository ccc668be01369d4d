/**
 * What a student answers, per question type, as plain JSON. Answers are kept in IndexedDB and sent
 * to the server, so they arrive from storage and from the network as untrusted input: `parseAnswer`
 * checks the shape, `answerFits` (./fits) checks it against the question it answers.
 */
import { BIDI_CONTROLS, findControlCharacter } from '$lib/text/normalise';

/** The most items an answer may list; no question comes near it. */
export const MAX_ANSWER_ITEMS = 50;

/** The most characters a typed answer may have. */
export const MAX_ANSWER_TEXT = 500;

// Far beyond any lesson, yet small enough that a stored index is never a float in disguise.
const MAX_INDEX = 9999;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');

type ReadingLang = 'ar' | 'en';

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
 *
 * Indexes refer to the question as authored, never to the order the app showed things in.
 */
export type Answer =
	| { type: 'choice'; choice: number }
	| { type: 'multi'; choices: number[] }
	| { type: 'truefalse'; value: 'true' | 'false' | 'not-given' }
	| { type: 'short'; text: string; lang: ReadingLang }
	| { type: 'order'; order: number[] }
	| { type: 'match'; pairs: number[] }
	| { type: 'cloze'; fills: (number | null)[] }
	| { type: 'evidence'; paragraph: number; sentence: number; lang: ReadingLang };

// The checks below run on every answer read from storage, so the browser needs them: plain code,
// because a schema library would cost the lesson page more than everything here.

/** Whether `value` is an object with exactly these own keys (and `type`). */
function hasKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
	const own = Object.keys(value);
	return own.length === keys.length + 1 && keys.every((key) => Object.hasOwn(value, key));
}

const isIndex = (value: unknown, min = 0): value is number =>
	Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_INDEX;

const isLang = (value: unknown): value is ReadingLang => value === 'ar' || value === 'en';

/**
 * A list of at most `MAX_ANSWER_ITEMS` items that all pass `item`, none repeated except `blank`;
 * a copy of it, or null. Holes in a sparse array count as `undefined`.
 */
function list<T extends number | null>(
	value: unknown,
	item: (entry: unknown) => entry is T,
	blank?: T
): T[] | null {
	if (!Array.isArray(value) || value.length > MAX_ANSWER_ITEMS) return null;
	const items = Array.from(value as unknown[]);
	if (!items.every((entry) => item(entry))) return null;
	const used = items.filter((entry) => entry !== blank);
	return new Set(used).size === used.length ? items : null;
}

/** Typed text without bidi and zero-width marks, or null when it cannot be an answer. */
function typedText(value: unknown): string | null {
	if (typeof value !== 'string' || value.length > MAX_ANSWER_TEXT) return null;
	// Phone keyboards insert RLM, ZWNJ and the like on their own, so these are dropped rather than
	// refused; normalise would ignore them anyway, and bidi overrides must never reach a teacher's
	// screen. What remains (NUL, other C0 controls, DEL, C1) no keyboard types, and NUL breaks
	// storage layers: such an answer is junk rather than a typo.
	const text = value.replace(BIDI_CONTROLS_ALL, '');
	return findControlCharacter(text) === -1 ? text : null;
}

function parse(value: Record<string, unknown>): Answer | null {
	switch (value.type) {
		case 'choice':
			return hasKeys(value, ['choice']) && isIndex(value.choice)
				? { type: 'choice', choice: value.choice }
				: null;
		case 'multi': {
			// A repeated pick would otherwise count twice towards partial credit.
			const choices = hasKeys(value, ['choices']) ? list(value.choices, isIndex) : null;
			return choices && { type: 'multi', choices };
		}
		case 'truefalse': {
			const verdict = value.value;
			return hasKeys(value, ['value']) &&
				(verdict === 'true' || verdict === 'false' || verdict === 'not-given')
				? { type: 'truefalse', value: verdict }
				: null;
		}
		case 'short': {
			const text = hasKeys(value, ['text', 'lang']) ? typedText(value.text) : null;
			return text !== null && isLang(value.lang) ? { type: 'short', text, lang: value.lang } : null;
		}
		case 'order': {
			const order = hasKeys(value, ['order']) ? list(value.order, isIndex) : null;
			return order && { type: 'order', order };
		}
		case 'match': {
			const right = (entry: unknown): entry is number => isIndex(entry, -1);
			const pairs = hasKeys(value, ['pairs']) ? list(value.pairs, right, -1) : null;
			return pairs && { type: 'match', pairs };
		}
		case 'cloze': {
			const fill = (entry: unknown): entry is number | null => entry === null || isIndex(entry);
			const fills = hasKeys(value, ['fills']) ? list(value.fills, fill, null) : null;
			return fills && { type: 'cloze', fills };
		}
		case 'evidence':
			return hasKeys(value, ['paragraph', 'sentence', 'lang']) &&
				isIndex(value.paragraph) &&
				isIndex(value.sentence) &&
				isLang(value.lang)
				? {
						type: 'evidence',
						paragraph: value.paragraph,
						sentence: value.sentence,
						lang: value.lang
					}
				: null;
		default:
			return null;
	}
}

/**
 * Checks the shape of an answer read from storage or the network: known type, no unknown fields,
 * whole non-negative indexes (or -1 / null where the type allows a blank), at most
 * `MAX_ANSWER_ITEMS` items, no repeats, typed text of at most `MAX_ANSWER_TEXT` characters without
 * control characters. Bidi and zero-width marks are removed from typed text.
 *
 * @returns a copy of the answer, or null when it is malformed
 */
export function parseAnswer(value: unknown): Answer | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	return parse(value as Record<string, unknown>);
}
