import {
	allowsSlip,
	compareWords,
	isSlip,
	wordForms,
	type WordForms,
	type WordMatch
} from './fuzzy';
import { normalise } from './normalise';
import { tokenise, tokenised } from './tokenise';

/** A range of UTF-16 offsets into the original string (end exclusive). */
export interface Span {
	start: number;
	end: number;
}

// A normalised word with what lenient matching compares (see fuzzy.ts).
type Word = WordForms;

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

const wordCache = new Map<string, Word>();

const wordOf = (text: string): Word => memo(wordCache, text, () => wordForms(text));

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
		if (!word.digit && word.forms.length > 0)
			listAt(byLetters, word.stemLetters.length).push(index);
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

type Compare = (passageWord: Word, needleWord: Word) => WordMatch;

const RANK = { exact: 0, form: 1, near: 2 } as const;

/** The worse of two word matches: an occurrence is only as good as its weakest word. */
const worse = (a: Exclude<WordMatch, null>, b: Exclude<WordMatch, null>) =>
	RANK[a] >= RANK[b] ? a : b;

/**
 * The first place from unit `from` on where the needle's words match consecutive units that
 * open and close whole tokens; with the unit after the match, to go on from, and how well its
 * weakest word matched. `starts` are the units whose word matches the needle's first word, in
 * order: only there can a match begin.
 */
function scan(
	passage: Units,
	needle: readonly Word[],
	from: number,
	compare: Compare,
	starts: readonly number[]
): { span: Span; next: number; match: Exclude<WordMatch, null> } | null {
	const { units: haystack, spans } = passage;
	const length = needle.length;
	candidates: for (const first of starts) {
		if (first < from) continue;
		if (first + length > haystack.length) break;
		const opening = haystack[first]!;
		const closing = haystack[first + length - 1]!;
		if (!opening.opensToken || !closing.closesToken) continue;
		let match = compare(opening.word, needle[0]!);
		if (match === null) continue;
		for (let offset = 1; offset < length; offset++) {
			const word = compare(haystack[first + offset]!.word, needle[offset]!);
			if (word === null) continue candidates;
			match = worse(match, word);
		}
		const span = { start: spans[opening.token]!.start, end: spans[closing.token]!.end };
		return { span, next: first + length, match };
	}
	return null;
}

const sameWord: Compare = (passageWord, quoteWord) =>
	passageWord.text === quoteWord.text ? 'exact' : null;

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

const withoutSlip: Compare = (a, b) => compareWords(a, b, false);
const withSlip: Compare = (a, b) => compareWords(a, b, true);

/**
 * The units where a passage word matches a term's word (the word itself or a shared form, or with
 * `slips` a one-letter slip), in order: what `compareWords` accepts, looked up in the passage's
 * indexes instead of tried at every unit.
 */
function matchingUnits(
	passage: Units,
	index: WordIndex,
	termWord: Word,
	slips: boolean
): readonly number[] {
	// A word's own text is its first form, so sharing a form covers being the same word.
	const lists: (readonly number[])[] = [];
	for (const form of termWord.forms) {
		const list = index.byForm.get(form);
		if (list !== undefined) lists.push(list);
	}
	if (slips && allowsSlip(termWord)) {
		const found: number[] = [];
		const letters = termWord.stemLetters.length;
		for (let length = letters - 1; length <= letters + 1; length++) {
			for (const unit of index.byLetters.get(length) ?? NOWHERE) {
				if (isSlip(passage.units[unit]!.word, termWord)) found.push(unit);
			}
		}
		if (found.length > 0) lists.push(found.sort(byPosition));
	}
	// Most entries are absent from most paragraphs, and most present ones match through one form.
	if (lists.length <= 1) return lists[0] ?? NOWHERE;
	return [...new Set(lists.flat())].sort(byPosition);
}

const NOWHERE: readonly number[] = [];
const byPosition = (a: number, b: number) => a - b;

/** One occurrence of a glossary term in a passage, and how well its weakest word matched. */
export interface TermOccurrence extends Span {
	/**
	 * `exact`: every word as written; `form`: through clitics and spelling variants; `near`: some
	 * word one letter away from the entry's.
	 */
	match: Exclude<WordMatch, null>;
}

/** Every occurrence of a term in one indexed passage, none overlapping, in order. */
function occurrences(
	passage: Units,
	index: WordIndex,
	term: readonly Word[],
	slips: boolean
): TermOccurrence[] {
	const first = term[0];
	if (first === undefined) return [];
	const starts = matchingUnits(passage, index, first, slips);
	const compare = slips ? withSlip : withoutSlip;
	const found: TermOccurrence[] = [];
	for (let at = scan(passage, term, 0, compare, starts); at;) {
		found.push({ ...at.span, match: at.match });
		at = scan(passage, term, at.next, compare, starts);
	}
	return found;
}

/**
 * Finds a glossary term in a passage leniently: each word of the term must match consecutive
 * passage words, where words match when they share a form after lenient normalisation and clitic
 * stripping (والالتزام matches الالتزام, للاستثمار matches الاستثمار). Only when the term occurs
 * nowhere that way may its words be one letter away from the passage's (see fuzzy.ts).
 *
 * @returns the span of the occurrence in the original `passage`, whole words only; null when the
 *   term has no words or does not occur
 */
export function findTerm(passage: string, term: string): Span | null {
	return findTerms(passage, term)[0] ?? null;
}

/**
 * Every occurrence of a glossary term in a passage, none overlapping, as `findTerm` finds them.
 * The passage is tokenised once, not once per occurrence.
 *
 * @returns spans in the original `passage`, in order
 */
export function findTerms(passage: string, term: string): Span[] {
	return findAllTerms([passage], [term])[0]![0]!;
}

/** `findAllTermOccurrences` without the quality of each match. */
export function findAllTerms(passages: readonly string[], terms: readonly string[]): Span[][][] {
	return findAllTermOccurrences(passages, terms).map((paragraph) =>
		paragraph.map((found) => found.map(({ start, end }) => ({ start, end })))
	);
}

/**
 * Every occurrence of each term in each passage: `result[p][t]` lists the occurrences of
 * `terms[t]` in `passages[p]`, in order, none overlapping. A term is looked for with one-letter
 * slips only when it occurs nowhere in any of the passages as written or through clitics and
 * spelling variants: a slip covers an entry misspelt by its author, never a second word. Each
 * passage is tokenised and indexed once and each term read once, however many there are: the
 * lesson compiler looks for every glossary entry in every paragraph.
 */
export function findAllTermOccurrences(
	passages: readonly string[],
	terms: readonly string[]
): TermOccurrence[][][] {
	const needles = terms.map((term) => wordsOf(term, lenient));
	const indexed = passages.map((passage) => {
		const text = units(passage, lenient);
		return { text, index: indexOf(text) };
	});
	const found = indexed.map(({ text, index }) =>
		needles.map((needle) => occurrences(text, index, needle, false))
	);
	needles.forEach((needle, t) => {
		// With no word that allows a slip, looking again would find just the same.
		if (!needle.some(allowsSlip) || found.some((paragraph) => paragraph[t]!.length > 0)) return;
		indexed.forEach(({ text, index }, p) => {
			found[p]![t] = occurrences(text, index, needle, true);
		});
	});
	return found;
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
	return compareWords(wordOf(tapped), wordOf(lenient(first.text))) !== null;
}
