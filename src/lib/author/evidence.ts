/**
 * Evidence set by selection in the editor: the words an author selects in a paragraph (Arabic or
 * its English) become the quote the lesson stores, exact by construction. The quote is the
 * paragraph's own text from the first selected word to the last, whole words only, and it is
 * checked with the compiler's own search (`findQuote`), which takes the first place a quote
 * occurs: when the selected words also occur earlier, the quote is widened word by word until it
 * points at the place selected.
 */
import { findQuote, splitSentences, tokenise, type Span } from '$lib/text';

/** What a selection gives: the quote to store and where it is, or why there is none. */
export type EvidenceChoice =
	| {
			ok: true;
			/** The quote to store in `evidence` or `evidence_en`. */
			text: string;
			/** Where the compiler will find it in the paragraph. */
			span: Span;
			/** True when words were added to the selection to tell it from an earlier occurrence. */
			widened: boolean;
	  }
	| { ok: false; reason: 'no-words' | 'not-found' };

const clamp = (value: number, length: number) =>
	Number.isFinite(value) ? Math.min(length, Math.max(0, Math.trunc(value))) : 0;

/**
 * The evidence quote for a selection from `start` to `end` (UTF-16 offsets into `paragraph`, in
 * either order, as a text box's selection gives them). A word cut by the selection counts whole;
 * offsets outside the paragraph are brought inside it.
 *
 * @returns the quote, or `no-words` when the selection holds no word (nothing, spaces or
 *   punctuation), or `not-found` should the compiler's search not find the paragraph's own words
 */
export function evidenceFromSelection(
	paragraph: string,
	start: number,
	end: number
): EvidenceChoice {
	const from = clamp(Math.min(start, end), paragraph.length);
	const to = clamp(Math.max(start, end), paragraph.length);
	if (from === to) return { ok: false, reason: 'no-words' };
	const words = tokenise(paragraph);
	const first = words.findIndex((word) => word.end > from && word.start < to);
	if (first < 0) return { ok: false, reason: 'no-words' };
	let last = first;
	while (last + 1 < words.length && words[last + 1]!.start < to) last++;

	const attempt = (a: number, b: number): EvidenceChoice | null => {
		const span = { start: words[a]!.start, end: words[b]!.end };
		const text = paragraph.slice(span.start, span.end);
		const found = findQuote(paragraph, text);
		if (found?.start !== span.start || found.end !== span.end) return null;
		return { ok: true, text, span, widened: a !== first || b !== last };
	};
	// One more word at a time, after the selection first, then before it; the first occurrence of
	// the words from the paragraph's start is always the place selected, so this ends.
	for (let more = 0; more < words.length; more++) {
		const after = last + more < words.length ? attempt(first, last + more) : null;
		if (after) return after;
		const before = more > 0 && first - more >= 0 ? attempt(first - more, last) : null;
		if (before) return before;
	}
	return attempt(0, last) ?? { ok: false, reason: 'not-found' };
}

/** Where the compiler finds a quote in a paragraph, or null when it is empty or not there. */
export function evidenceIn(paragraph: string, quote: string): Span | null {
	return quote.trim() === '' ? null : findQuote(paragraph, quote);
}

/**
 * The paragraph's sentences that overlap the evidence: the ones a student is right to tap for an
 * `evidence` question, as the grader counts sentences.
 */
export function sentencesHolding(paragraph: string, evidence: Span): string[] {
	return splitSentences(paragraph)
		.filter((sentence) => sentence.start < evidence.end && evidence.start < sentence.end)
		.map((sentence) => paragraph.slice(sentence.start, sentence.end));
}

/** The paragraph cut around a span, to show the evidence marked in its place. */
export function cutAround(
	paragraph: string,
	span: Span
): { before: string; marked: string; after: string } {
	return {
		before: paragraph.slice(0, span.start),
		marked: paragraph.slice(span.start, span.end),
		after: paragraph.slice(span.end)
	};
}
