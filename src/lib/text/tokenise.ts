import { normalise } from './normalise';

/** One word of a text, with UTF-16 offsets into the string it came from (end exclusive). */
export interface Token {
	text: string;
	start: number;
	end: number;
}

// Intl.Segmenter keeps letters joined across "." and ":" (ICU treats them as mid-word marks, as in
// "U.S"), so the articles' missing spaces ("على الاقل.المبادرة") would give one token for two
// words. Splitting again at punctuation fixes that; the exceptions keep numbers such as 3.5 or
// ١٬٠٠٠ and Latin contractions such as don't in one piece.
const PUNCTUATION = /\p{P}/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;
const NUMBER_SEPARATORS = new Set(['.', ',', '\u066B', '\u066C']);
const APOSTROPHES = new Set(["'", '\u2019']);

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
	// Built lazily because construction loads ICU data, and a fixed locale would gain nothing: the
	// word rules are the same for every locale in current ICU.
	segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
	return segmenter;
}

function keepsWordTogether(before: string, mark: string, after: string): boolean {
	if (NUMBER_SEPARATORS.has(mark)) return DIGIT.test(before) && DIGIT.test(after);
	if (APOSTROPHES.has(mark)) return LETTER.test(before) && LETTER.test(after);
	return false;
}

function splitAtPunctuation(segment: string, offset: number): Token[] {
	// Most segments are one word without punctuation: one test instead of one per character.
	if (!PUNCTUATION.test(segment)) return [token(segment, 0, segment.length, offset)];
	const tokens: Token[] = [];
	let start = 0;
	for (let index = 0; index < segment.length; index++) {
		const mark = segment.charAt(index);
		if (!PUNCTUATION.test(mark)) continue;
		if (keepsWordTogether(segment.charAt(index - 1), mark, segment.charAt(index + 1))) continue;
		if (index > start) tokens.push(token(segment, start, index, offset));
		start = index + 1;
	}
	if (segment.length > start) tokens.push(token(segment, start, segment.length, offset));
	return tokens;
}

function token(segment: string, start: number, end: number, offset: number): Token {
	return { text: segment.slice(start, end), start: offset + start, end: offset + end };
}

/**
 * Splits text into words for tap-a-word and for matching. Vowel marks, tatweel and any zero-width
 * characters stay inside their word; punctuation and spaces are left out. Pieces that normalise to
 * nothing (a run of tatweel, a stray mark) are not words.
 *
 * @returns the words in order, each with its offsets into `text`
 */
export function tokenise(text: string): Token[] {
	const tokens: Token[] = [];
	for (const { segment, index, isWordLike } of wordSegmenter().segment(text)) {
		if (!isWordLike) continue;
		for (const piece of splitAtPunctuation(segment, index)) {
			if (isWord(piece.text)) tokens.push(piece);
		}
	}
	return tokens;
}

// The lesson compiler needs each paragraph's words for the glossary search, the evidence search and
// readability: segmenting the same paragraph for each was a large part of a compile. Remembered per
// text (readers never change the tokens) and bounded by starting over when full.
const PASSAGE_CACHE_LIMIT = 4096;
const passages = new Map<string, Token[]>();

/** `tokenise`, remembered per text: the same array for the same text. Callers must not change it. */
export function tokenised(text: string): readonly Token[] {
	let tokens = passages.get(text);
	if (tokens === undefined) {
		if (passages.size >= PASSAGE_CACHE_LIMIT) passages.clear();
		tokens = tokenise(text);
		passages.set(text, tokens);
	}
	return tokens;
}

// Whether a piece normalises to anything, remembered per piece: an article repeats its words, and
// normalising every occurrence again was most of the lesson compiler's tokenising time. Bounded by
// starting over when full.
const WORD_CACHE_LIMIT = 8192;
const words = new Map<string, boolean>();

function isWord(piece: string): boolean {
	let word = words.get(piece);
	if (word === undefined) {
		if (words.size >= WORD_CACHE_LIMIT) words.clear();
		word = normalise(piece) !== '';
		words.set(piece, word);
	}
	return word;
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ك', 'ل'];
const ARTICLE = 'ال';
// ل before the article drops the article's alef: ل + الاستثمار is written للاستثمار.
const LAM_ARTICLE = 'لل';
const MIN_STEM_LETTERS = 2;

/**
 * Lists the forms a word may take without its leading clitics, for lenient matching: the word
 * itself first, then the word without و/ف, without ب/ك/ل, without ال or لل, in any allowed
 * combination (conjunction, then preposition, then article). A form is only offered when at least
 * two letters remain, and each form appears once.
 *
 * Light stemming over-strips on purpose (وزير also gives زير): callers compare candidates from both
 * sides, so the same over-stripping happens to both.
 *
 * @param normalisedWord one word, already passed through `normalise`
 * @returns candidate forms, the unchanged word first; empty only for an empty word
 */
export function stems(normalisedWord: string): string[] {
	if (normalisedWord === '') return [];
	const forms = [normalisedWord];
	const add = (form: string) => {
		if ([...form].length >= MIN_STEM_LETTERS && !forms.includes(form)) forms.push(form);
	};
	const stripped = (word: string, prefix: string) =>
		word.startsWith(prefix) ? word.slice(prefix.length) : undefined;

	const bases = [normalisedWord];
	for (const conjunction of CONJUNCTIONS) {
		const base = stripped(normalisedWord, conjunction);
		if (base !== undefined && [...base].length >= MIN_STEM_LETTERS) bases.push(base);
	}
	for (const base of bases) {
		add(base);
		for (const preposition of PREPOSITIONS) {
			const afterPreposition = stripped(base, preposition);
			if (afterPreposition === undefined || [...afterPreposition].length < MIN_STEM_LETTERS) {
				continue;
			}
			add(afterPreposition);
			const afterArticle = stripped(afterPreposition, ARTICLE);
			if (afterArticle !== undefined) add(afterArticle);
		}
		const afterArticle = stripped(base, ARTICLE);
		if (afterArticle !== undefined) add(afterArticle);
		const afterLamArticle = stripped(base, LAM_ARTICLE);
		if (afterLamArticle !== undefined) add(afterLamArticle);
	}
	return forms;
}
