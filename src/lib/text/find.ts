import { normalise } from './normalise';
import { stems, tokenise, tokenised } from './tokenise';

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
	/** The letters (code points) of the stem, split once for the one-edit comparison. */
	stemLetters: string[];
	/** Letters in the stem. */
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
	spans: readonly Span[];
}

// Where a passage's words are, for the glossary search: a paragraph is searched for every entry.
interface WordIndex {
	/** For each form, the units whose word has it, in order. */
	byForm: Map<string, number[]>;
	/** For each stem length, the units whose word may differ from a term's by one letter, in order. */
	byLetters: Map<number, number[]>;
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
		const stemLetters = [...stem];
		return {
			text,
			forms,
			stemLetters,
			letters: stemLetters.length,
			digit: HAS_DIGIT.test(stem)
		};
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
	// Strict and lenient units of a passage come from the same tokens.
	const tokens = tokenised(text);
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
	return { units: result, spans: tokens };
}

function indexOf(passage: Units): WordIndex {
	const byForm = new Map<string, number[]>();
	const byLetters = new Map<number, number[]>();
	passage.units.forEach(({ word }, index) => {
		for (const form of word.forms) listAt(byForm, form).push(index);
		if (!word.digit) listAt(byLetters, word.letters).push(index);
	});
	return { byForm, byLetters };
}

function listAt<K>(lists: Map<K, number[]>, key: K): number[] {
	let list = lists.get(key);
	if (list === undefined) {
		list = [];
		lists.set(key, list);
	}
	return list;
}

const wordsOf = (text: string, normaliser: Normaliser) =>
	units(text, normaliser).units.map((unit) => unit.word);

type WordMatch = (passageWord: Word, needleWord: Word) => boolean;

/**
 * The first place from unit `from` on where the needle's words match consecutive units that
 * open and close whole tokens; with the unit after the match, to go on from. `starts` are the
 * units whose word matches the needle's first word, in order: only there can a match begin.
 */
function scan(
	passage: Units,
	needle: readonly Word[],
	from: number,
	matches: WordMatch,
	starts: readonly number[]
): { span: Span; next: number } | null {
	const { units: haystack, spans } = passage;
	const length = needle.length;
	candidates: for (const first of starts) {
		if (first < from) continue;
		if (first + length > haystack.length) break;
		const opening = haystack[first]!;
		const closing = haystack[first + length - 1]!;
		if (!opening.opensToken || !closing.closesToken) continue;
		for (let offset = 1; offset < length; offset++) {
			if (!matches(haystack[first + offset]!.word, needle[offset]!)) continue candidates;
		}
		const span = { start: spans[opening.token]!.start, end: spans[closing.token]!.end };
		return { span, next: first + length };
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
	const first = words[0];
	if (first === undefined) return null;
	const text = units(passage, strict);
	const starts: number[] = [];
	text.units.forEach(({ word }, index) => {
		if (word.text === first.text) starts.push(index);
	});
	return scan(text, words, 0, sameWord, starts)?.span ?? null;
}

function withinOneEdit(left: readonly string[], right: readonly string[]): boolean {
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

function sharesForm(a: readonly string[], b: readonly string[]): boolean {
	for (const form of a) if (b.includes(form)) return true;
	return false;
}

function wordMatches(passageWord: Word, termWord: Word, allowEdit: boolean): boolean {
	if (passageWord.text === termWord.text) return true;
	if (sharesForm(passageWord.forms, termWord.forms)) return true;
	if (!allowEdit || passageWord.forms.length === 0 || !allowsEdit(termWord)) return false;
	return (
		!passageWord.digit &&
		Math.abs(passageWord.letters - termWord.letters) <= 1 &&
		withinOneEdit(passageWord.stemLetters, termWord.stemLetters)
	);
}

const withoutEdit: WordMatch = (a, b) => wordMatches(a, b, false);
const withEdit: WordMatch = (a, b) => wordMatches(a, b, true);

/**
 * The units where a passage word matches a term's word (the word itself or a shared form, or with
 * `allowEdit` a one-letter slip), in order: what `wordMatches` accepts, looked up in the passage's
 * indexes instead of tried at every unit.
 */
function matchingUnits(
	passage: Units,
	index: WordIndex,
	termWord: Word,
	allowEdit: boolean
): readonly number[] {
	// A word's own text is its first form, so sharing a form covers being the same word.
	const lists: (readonly number[])[] = [];
	for (const form of termWord.forms) {
		const list = index.byForm.get(form);
		if (list !== undefined) lists.push(list);
	}
	if (allowEdit && allowsEdit(termWord)) {
		const slips: number[] = [];
		for (let letters = termWord.letters - 1; letters <= termWord.letters + 1; letters++) {
			for (const unit of index.byLetters.get(letters) ?? NOWHERE) {
				const { stemLetters } = passage.units[unit]!.word;
				if (withinOneEdit(stemLetters, termWord.stemLetters)) slips.push(unit);
			}
		}
		if (slips.length > 0) lists.push(slips.sort(byPosition));
	}
	// Most entries are absent from most paragraphs, and most present ones match through one form.
	if (lists.length <= 1) return lists[0] ?? NOWHERE;
	return [...new Set(lists.flat())].sort(byPosition);
}

const NOWHERE: readonly number[] = [];
const byPosition = (a: number, b: number) => a - b;

/**
 * Finds a term's occurrences in one passage from a given unit on; where the term may start is
 * looked up once per passage, and with a slip only when the exact search finds nothing.
 */
function termSearch(passage: Units, index: WordIndex, term: readonly Word[]) {
	const first = term[0];
	if (first === undefined) return () => null;
	const exactStarts = matchingUnits(passage, index, first, false);
	// With no word that allows an edit, the lenient pass would find just what the exact one did.
	const slips = term.some(allowsEdit);
	let slipStarts: readonly number[] | undefined;
	return (from: number) => {
		const exact = scan(passage, term, from, withoutEdit, exactStarts);
		if (exact !== null || !slips) return exact;
		slipStarts ??= matchingUnits(passage, index, first, true);
		return scan(passage, term, from, withEdit, slipStarts);
	};
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
	return findTerms(passage, term)[0] ?? null;
}

/**
 * Every occurrence of a glossary term in a passage, none overlapping: the first as `findTerm`
 * finds it, then the first as `findTerm` finds it in the rest of the passage after that one, and
 * so on. The passage is tokenised once, not once per occurrence.
 *
 * @returns spans in the original `passage`, in order
 */
export function findTerms(passage: string, term: string): Span[] {
	return findAllTerms([passage], [term])[0]![0]!;
}

/**
 * Every occurrence of each term in each passage, as `findTerms` finds them: `result[p][t]` holds
 * the spans of `terms[t]` in `passages[p]`. Each passage is tokenised and indexed once and each
 * term read once, however many there are: the lesson compiler looks for every glossary entry in
 * every paragraph.
 */
export function findAllTerms(passages: readonly string[], terms: readonly string[]): Span[][][] {
	const needles = terms.map((term) => wordsOf(term, lenient));
	return passages.map((passage) => {
		const text = units(passage, lenient);
		const index = indexOf(text);
		return needles.map((needle) => {
			const search = termSearch(text, index, needle);
			const spans: Span[] = [];
			for (let found = search(0); found; found = search(found.next)) spans.push(found.span);
			return spans;
		});
	});
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
