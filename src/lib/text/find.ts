import { normalise } from './normalise';
import { stems, tokenise } from './tokenise';

/** A range of UTF-16 offsets into the original string (end exclusive). */
export interface Span {
	start: number;
	end: number;
}

// A normalised word with what lenient matching compares: its forms after clitic stripping and
// the shortest of them (the stem a one-letter slip is measured on).
interface Word {
	text: string;
	forms: string[];
	stem: string;
	/** Letters (code points) in `stem`. */
	letters: number;
	digit: boolean;
}

// A token can normalise to more than one word ("3.5" becomes "3 5"), so matching runs over
// normalised words, each remembering its token and whether it opens or closes that token. A match
// must open and close whole tokens: highlights never cut a word.
interface Unit {
	word: Word;
	token: number;
	opensToken: boolean;
	closesToken: boolean;
}

interface Units {
	units: Unit[];
	spans: Span[];
}

type Normaliser = (text: string) => string;

const strict: Normaliser = (text) => normalise(text);
const lenient: Normaliser = (text) => normalise(text, { lenient: true });

const MIN_LETTERS_FOR_EDIT = 5;
const HAS_DIGIT = /\p{Nd}/u;

// The lesson compiler looks for every glossary term in every paragraph, so without these caches
// the same paragraph would be tokenised and normalised, and the same words stemmed, hundreds of
// times per lesson. Cached values are never changed by their readers; a cache that fills up is
// emptied, which bounds its memory without bookkeeping.
const CACHE_LIMIT = 4096;

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		if (cache.size >= CACHE_LIMIT) cache.clear();
		value = make();
		cache.set(key, value);
	}
	return value;
}

function shortest(forms: string[]): string {
	return forms.reduce((best, form) => ([...form].length < [...best].length ? form : best));
}

const wordCache = new Map<string, Word>();

function wordOf(text: string): Word {
	return memo(wordCache, text, () => {
		const forms = stems(text);
		const stem = forms.length > 0 ? shortest(forms) : '';
		return { text, forms, stem, letters: [...stem].length, digit: HAS_DIGIT.test(stem) };
	});
}

const unitCaches = new Map<Normaliser, Map<string, Units>>();
const normalCaches = new Map<Normaliser, Map<string, string>>();

function cacheFor<T>(caches: Map<Normaliser, Map<string, T>>, normaliser: Normaliser) {
	let cache = caches.get(normaliser);
	if (cache === undefined) {
		cache = new Map();
		caches.set(normaliser, cache);
	}
	return cache;
}

function units(text: string, normaliser: Normaliser): Units {
	return memo(cacheFor(unitCaches, normaliser), text, () => unitsOf(text, normaliser));
}

function unitsOf(text: string, normaliser: Normaliser): Units {
	const tokens = tokenise(text);
	const result: Unit[] = [];
	const normal = cacheFor(normalCaches, normaliser);
	tokens.forEach((token, index) => {
		const normalised = memo(normal, token.text, () => normaliser(token.text));
		const words = normalised.split(' ').filter(Boolean);
		words.forEach((word, position) => {
			result.push({
				word: wordOf(word),
				token: index,
				opensToken: position === 0,
				closesToken: position === words.length - 1
			});
		});
	});
	return { units: result, spans: tokens.map(({ start, end }) => ({ start, end })) };
}

const wordsOf = (text: string, normaliser: Normaliser) =>
	units(text, normaliser).units.map((unit) => unit.word);

type WordMatch = (passageWord: Word, needleWord: Word) => boolean;

/**
 * The first place from unit `from` on where the needle's words match consecutive units that
 * open and close whole tokens; with the unit after the match, to go on from.
 */
function scan(
	passage: Units,
	needle: readonly Word[],
	from: number,
	matches: WordMatch
): { span: Span; next: number } | null {
	const { units: haystack, spans } = passage;
	for (let first = from; first + needle.length <= haystack.length; first++) {
		const opening = haystack[first];
		const closing = haystack[first + needle.length - 1];
		if (!opening?.opensToken || !closing?.closesToken) continue;
		const found = needle.every((word, offset) => {
			const unit = haystack[first + offset];
			return unit !== undefined && matches(unit.word, word);
		});
		if (found) {
			const start = spans[opening.token]?.start;
			const end = spans[closing.token]?.end;
			if (start !== undefined && end !== undefined) {
				return { span: { start, end }, next: first + needle.length };
			}
		}
	}
	return null;
}

const sameWord: WordMatch = (passageWord, quoteWord) => passageWord.text === quoteWord.text;

/**
 * Finds an evidence quote in a passage, word for word after `normalise`: vowel marks, tatweel,
 * alef forms, digit styles, punctuation and spacing may differ, the words may not (no clitic
 * stripping, no hamza leniency, no typos).
 *
 * @returns the span of the first occurrence in the original `passage`, from the start of its first
 *   word to the end of its last word; null when the quote has no words or does not occur
 */
export function findQuote(passage: string, quote: string): Span | null {
	const words = wordsOf(quote, strict);
	if (words.length === 0) return null;
	return scan(units(passage, strict), words, 0, sameWord)?.span ?? null;
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

// The term is the reference: its stem must be long enough for one slip to be a typo rather than
// another word (قال/مال), and numbers never get slack (1000/10000).
const allowsEdit = (termWord: Word) =>
	termWord.forms.length > 0 && termWord.letters >= MIN_LETTERS_FOR_EDIT && !termWord.digit;

function wordMatches(passageWord: Word, termWord: Word, allowEdit: boolean): boolean {
	if (passageWord.text === termWord.text) return true;
	if (passageWord.forms.some((form) => termWord.forms.includes(form))) return true;
	if (!allowEdit || passageWord.forms.length === 0 || !allowsEdit(termWord)) return false;
	return (
		!passageWord.digit &&
		Math.abs(passageWord.letters - termWord.letters) <= 1 &&
		withinOneEdit(passageWord.stem, termWord.stem)
	);
}

const withoutEdit: WordMatch = (a, b) => wordMatches(a, b, false);
const withEdit: WordMatch = (a, b) => wordMatches(a, b, true);

function findTermFrom(passage: Units, term: readonly Word[], from: number) {
	if (term.length === 0) return null;
	const exact = scan(passage, term, from, withoutEdit);
	// With no word that allows an edit, the lenient pass would find just what the exact one did.
	if (exact !== null || !term.some(allowsEdit)) return exact;
	return scan(passage, term, from, withEdit);
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
	return findTermFrom(units(passage, lenient), wordsOf(term, lenient), 0)?.span ?? null;
}

/**
 * Every occurrence of a glossary term in a passage, none overlapping: the first as `findTerm`
 * finds it, then the first as `findTerm` finds it in the rest of the passage after that one, and
 * so on. The passage is tokenised once, not once per occurrence.
 *
 * @returns spans in the original `passage`, in order
 */
export function findTerms(passage: string, term: string): Span[] {
	const words = wordsOf(term, lenient);
	const text = units(passage, lenient);
	const spans: Span[] = [];
	for (let found = findTermFrom(text, words, 0); found;) {
		spans.push(found.span);
		found = findTermFrom(text, words, found.next);
	}
	return spans;
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
	return wordMatches(wordOf(tapped), wordOf(lenient(first.text)), true);
}
