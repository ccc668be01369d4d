import { normalise } from './normalise';
import { stems, tokenise } from './tokenise';

/** A range of UTF-16 offsets into the original string (end exclusive). */
export interface Span {
	start: number;
	end: number;
}

// A token can normalise to more than one word ("3.5" becomes "3 5"), so matching runs over
// normalised words, each remembering its token and whether it opens or closes that token. A match
// must open and close whole tokens: highlights never cut a word.
interface Unit {
	word: string;
	token: number;
	opensToken: boolean;
	closesToken: boolean;
}

type Normaliser = (text: string) => string;

const strict: Normaliser = (text) => normalise(text);
const lenient: Normaliser = (text) => normalise(text, { lenient: true });

function units(text: string, normaliser: Normaliser): { units: Unit[]; spans: Span[] } {
	const tokens = tokenise(text);
	const result: Unit[] = [];
	tokens.forEach((token, index) => {
		const words = normaliser(token.text).split(' ').filter(Boolean);
		words.forEach((word, position) => {
			result.push({
				word,
				token: index,
				opensToken: position === 0,
				closesToken: position === words.length - 1
			});
		});
	});
	return { units: result, spans: tokens.map(({ start, end }) => ({ start, end })) };
}

function findSequence(
	passage: string,
	needle: string,
	normaliser: Normaliser,
	matches: (passageWord: string, needleWord: string) => boolean
): Span | null {
	const needleWords = units(needle, normaliser).units.map((unit) => unit.word);
	if (needleWords.length === 0) return null;
	const { units: haystack, spans } = units(passage, normaliser);
	for (let first = 0; first + needleWords.length <= haystack.length; first++) {
		const opening = haystack[first];
		const closing = haystack[first + needleWords.length - 1];
		if (!opening?.opensToken || !closing?.closesToken) continue;
		const found = needleWords.every((word, offset) => {
			const unit = haystack[first + offset];
			return unit !== undefined && matches(unit.word, word);
		});
		if (found) {
			const start = spans[opening.token]?.start;
			const end = spans[closing.token]?.end;
			if (start !== undefined && end !== undefined) return { start, end };
		}
	}
	return null;
}

/**
 * Finds an evidence quote in a passage, word for word after `normalise`: vowel marks, tatweel,
 * alef forms, digit styles, punctuation and spacing may differ, the words may not (no clitic
 * stripping, no hamza leniency, no typos).
 *
 * @returns the span of the first occurrence in the original `passage`, from the start of its first
 *   word to the end of its last word; null when the quote has no words or does not occur
 */
export function findQuote(passage: string, quote: string): Span | null {
	return findSequence(
		passage,
		quote,
		strict,
		(passageWord, quoteWord) => passageWord === quoteWord
	);
}

const MIN_LETTERS_FOR_EDIT = 5;
const HAS_DIGIT = /\p{Nd}/u;

function shortest(forms: string[]): string {
	return forms.reduce((best, form) => ([...form].length < [...best].length ? form : best));
}

function withinOneEdit(a: string, b: string): boolean {
	const left = [...a];
	const right = [...b];
	if (Math.abs(left.length - right.length) > 1) return false;
	const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < shorter.length && j < longer.length) {
		if (shorter[i] === longer[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		// Same length: substitution. Different length: the longer side has an extra letter.
		if (shorter.length === longer.length) i++;
		j++;
	}
	return edits + (longer.length - j) <= 1;
}

function wordMatches(passageWord: string, termWord: string, allowEdit: boolean): boolean {
	if (passageWord === termWord) return true;
	const passageForms = stems(passageWord);
	const termForms = stems(termWord);
	if (passageForms.some((form) => termForms.includes(form))) return true;
	if (!allowEdit || passageForms.length === 0 || termForms.length === 0) return false;
	// The term is the reference: its stem must be long enough for one slip to be a typo rather
	// than another word (قال/مال), and numbers never get slack (1000/10000).
	const termStem = shortest(termForms);
	if ([...termStem].length < MIN_LETTERS_FOR_EDIT || HAS_DIGIT.test(termStem)) return false;
	const passageStem = shortest(passageForms);
	return !HAS_DIGIT.test(passageStem) && withinOneEdit(passageStem, termStem);
}

/**
 * Finds a glossary term in a passage leniently: each word of the term must match consecutive
 * passage words, where words match when they share a form after lenient normalisation and clitic
 * stripping (والالتزام matches الالتزام, للاستثمار matches الاستثمار). When the term's shortest
 * form has five letters or more, its shortest form and the passage word's may also differ by one
 * edit. An occurrence without any edit is preferred over an earlier one that needs edits.
 *
 * @returns the span of the occurrence in the original `passage`, whole words only; null when the
 *   term has no words or does not occur
 */
export function findTerm(passage: string, term: string): Span | null {
	return (
		findSequence(passage, term, lenient, (a, b) => wordMatches(a, b, false)) ??
		findSequence(passage, term, lenient, (a, b) => wordMatches(a, b, true))
	);
}

/**
 * Tells whether one tapped word is an occurrence of a glossary term's first word, by the same rule
 * as `findTerm`.
 *
 * @param word the tapped word, as it appears in the passage (marks and all)
 * @param term the glossary term as written in the lesson
 */
export function matchesTerm(word: string, term: string): boolean {
	const tapped = lenient(word);
	const first = tokenise(term)[0];
	if (tapped === '' || first === undefined) return false;
	return wordMatches(tapped, lenient(first.text), true);
}
