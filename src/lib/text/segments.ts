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
