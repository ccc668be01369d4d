import type { Span } from './find';

const TERMINATOR = /[.!?\u061F\u06D4\u2026]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const CLOSER = /["'\u2019\u201C\u201D\u00BB)\]]/;
const DIGIT = /\p{Nd}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

// A lone full stop inside a number (3.5) or between Latin letters (U.S, www.example.com) is not the
// end of a sentence. Between Arabic words it is: the articles drop the space after full stops
// ("على الاقل.المبادرة").
function isInnerDot(text: string, index: number, runLength: number): boolean {
	if (runLength !== 1 || text.charAt(index) !== '.') return false;
	const before = text.charAt(index - 1);
	const after = text.charAt(index + 1);
	return (
		(DIGIT.test(before) && DIGIT.test(after)) ||
		(LATIN_LETTER.test(before) && LATIN_LETTER.test(after))
	);
}

// Closing quotes and brackets glued to the terminator belong to the sentence they close, as long as
// a space or the end follows: `"أهلا." ثم` keeps its quote, `قال."أعتقد` gives it to the next one.
function closersAfter(text: string, index: number): number {
	let end = index;
	while (end < text.length && CLOSER.test(text.charAt(end))) end++;
	return end === text.length || SPACE.test(text.charAt(end)) ? end : index;
}

function boundaries(paragraph: string): number[] {
	const cuts: number[] = [];
	let index = 0;
	while (index < paragraph.length) {
		const character = paragraph.charAt(index);
		if (LINE_BREAK.test(character)) {
			cuts.push(index + 1);
			index++;
			continue;
		}
		if (!TERMINATOR.test(character)) {
			index++;
			continue;
		}
		let end = index;
		while (end < paragraph.length && TERMINATOR.test(paragraph.charAt(end))) end++;
		if (!isInnerDot(paragraph, index, end - index)) cuts.push(closersAfter(paragraph, end));
		index = end;
	}
	cuts.push(paragraph.length);
	return cuts;
}

function trimmed(text: string, start: number, end: number): Span | null {
	while (start < end && SPACE.test(text.charAt(start))) start++;
	while (end > start && SPACE.test(text.charAt(end - 1))) end--;
	return start < end ? { start, end } : null;
}

/**
 * Splits a paragraph into sentences after . ! ? ؟ ۔ … (a run such as "؟!" or "..." counts once)
 * and at line breaks, including a full stop glued to the next word. Spans are trimmed of spaces and
 * cover every other character of the paragraph in order: a fragment without letters or digits (a
 * closing quote left after the full stop) joins the sentence before it.
 *
 * @returns sentence spans into `paragraph`; empty for an empty or blank paragraph
 */
export function splitSentences(paragraph: string): Span[] {
	const sentences: Span[] = [];
	let start = 0;
	let pending: Span | null = null;
	for (const cut of boundaries(paragraph)) {
		const span = trimmed(paragraph, start, cut);
		start = cut;
		if (span === null) continue;
		const hasWords = WORD_CHARACTER.test(paragraph.slice(span.start, span.end));
		const previous = sentences.at(-1);
		if (!hasWords && previous !== undefined) {
			previous.end = span.end;
		} else if (!hasWords) {
			// Nothing to attach to yet: hold it for the first real sentence.
			pending = pending === null ? span : { start: pending.start, end: span.end };
		} else {
			sentences.push(pending === null ? span : { start: pending.start, end: span.end });
			pending = null;
		}
	}
	if (pending !== null) sentences.push(pending);
	return sentences;
}
