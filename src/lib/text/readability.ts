import { normalise } from './normalise';
import { splitSentences } from './sentences';
import { tokenised } from './tokenise';

/** Simple difficulty features of a text, for a teacher-facing label; figures to 2 decimals. */
export interface Readability {
	words: number;
	sentences: number;
	wordsPerSentence: number;
	lettersPerWord: number;
	/** Share of words with six letters or more after normalisation, from 0 to 1. */
	longWordShare: number;
	/** Distinct normalised words over all words, from 0 to 1. */
	typeTokenRatio: number;
}

const LONG_WORD_LETTERS = 6;
const LETTER = /\p{L}/gu;

// An article repeats its words, so each word is normalised and its letters counted once; the
// cache starts over when full, which bounds its memory.
const WORD_CACHE_LIMIT = 8192;
const figures = new Map<string, { normalised: string; count: number }>();

function wordFigures(word: string): { normalised: string; count: number } {
	let result = figures.get(word);
	if (result === undefined) {
		if (figures.size >= WORD_CACHE_LIMIT) figures.clear();
		const normalised = normalise(word);
		result = { normalised, count: normalised.match(LETTER)?.length ?? 0 };
		figures.set(word, result);
	}
	return result;
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

function ratio(part: number, whole: number): number {
	return whole === 0 ? 0 : round(part / whole);
}

/**
 * Computes words per sentence, letters per word, share of long words and type/token ratio. OSMAN
 * would be the reference formula but needs vowelled text, which the articles are not.
 *
 * Numbers count as words (they are read) but have no letters, so they lower the letter figures a
 * little. Letters are counted after `normalise`, so vowel marks and tatweel add nothing. Sentences
 * without a word (a stray quote mark) are not counted.
 *
 * @param paragraphs the text, one paragraph per entry
 * @returns all zeros when there are no words
 */
export function readability(paragraphs: string[]): Readability {
	let words = 0;
	let sentences = 0;
	let letters = 0;
	let longWords = 0;
	const types = new Set<string>();
	for (const paragraph of paragraphs) {
		// The paragraph's words, shared with the glossary search, dealt out to its sentences: a
		// sentence ends after its last word, and only spaces lie between sentences.
		const tokens = tokenised(paragraph);
		let next = 0;
		for (const sentence of splitSentences(paragraph)) {
			const first = next;
			while (next < tokens.length && tokens[next]!.end <= sentence.end) {
				const { normalised, count } = wordFigures(tokens[next]!.text);
				words++;
				letters += count;
				if (count >= LONG_WORD_LETTERS) longWords++;
				types.add(normalised);
				next++;
			}
			if (next > first) sentences++;
		}
	}
	return {
		words,
		sentences,
		wordsPerSentence: ratio(words, sentences),
		lettersPerWord: ratio(letters, words),
		longWordShare: ratio(longWords, words),
		typeTokenRatio: ratio(types.size, words)
	};
}
