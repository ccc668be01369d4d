import type { Span } from './find';

/** A run of a paragraph to render: plain, a glossary word, marked as evidence, or both. */
export interface Segment {
	text: string;
	start: number;
	/** Index of the glossary entry this run belongs to. */
	entry?: number;
	/** Inside the evidence being shown. */
	marked: boolean;
}

/**
 * Cuts a paragraph into runs at every glossary span and evidence boundary, so the page can make
 * glossary words tappable and mark evidence without ever splitting a word (spans are whole words).
 */
export function segments(
	text: string,
	terms: readonly (Span & { entry: number })[],
	mark?: Span
): Segment[] {
	const cuts = new Set([0, text.length]);
	for (const term of terms) cuts.add(term.start).add(term.end);
	if (mark) cuts.add(mark.start).add(mark.end);
	const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
	const result: Segment[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		const term = terms.find((t) => t.start <= start && end <= t.end);
		const marked = !!mark && mark.start <= start && end <= mark.end;
		const previous = result[result.length - 1];
		// Neighbouring runs of the same kind merge, so one glossary word stays one element.
		if (previous && previous.entry === term?.entry && previous.marked === marked && !term) {
			previous.text += text.slice(start, end);
			continue;
		}
		result.push({ text: text.slice(start, end), start, entry: term?.entry, marked });
	}
	return result;
}

/** A run of a paragraph while the student picks a sentence: a sentence, or the space between. */
export interface SentenceRun {
	text: string;
	start: number;
	/** Index of the sentence in the paragraph's sentence list; absent between sentences. */
	sentence?: number;
}

/**
 * Cuts a paragraph into its sentences and what lies between them (spaces, a stray mark), so each
 * sentence can be one tappable element and the text still reads as it was.
 */
export function sentenceRuns(text: string, sentences: readonly Span[]): SentenceRun[] {
	const result: SentenceRun[] = [];
	let at = 0;
	sentences.forEach((span, sentence) => {
		const start = Math.max(span.start, at);
		const end = Math.min(span.end, text.length);
		if (end <= start) return;
		if (start > at) result.push({ text: text.slice(at, start), start: at });
		result.push({ text: text.slice(start, end), start, sentence });
		at = end;
	});
	if (at < text.length) result.push({ text: text.slice(at), start: at });
	return result;
}
