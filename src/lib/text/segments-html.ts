/**
 * A paragraph's runs as one HTML string, for the lesson page to place with `{@html}`: the passage
 * is the bulk of the page's elements, and markup placed that way is taken over as it is when the
 * page starts, instead of being hydrated element by element (issue 13 item 6). Glossary words stay
 * real buttons; the page finds the entry from `data-entry` with one listener on the paragraph.
 */
import type { Segment } from './segments';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text safe inside an element or a quoted attribute: lesson text comes from teachers' imports. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The runs as markup: a glossary run is `<button class="term" data-entry>`, and each stretch of
 * marked runs is one `<mark>`, a glossary word inside it too, so the evidence reads as one piece.
 */
export function segmentsHtml(runs: readonly Segment[]): string {
	let html = '';
	let marking = false;
	for (const run of runs) {
		if (run.marked !== marking) {
			html += run.marked ? '<mark>' : '</mark>';
			marking = run.marked;
		}
		const text = escapeHtml(run.text);
		html +=
			run.entry === undefined
				? text
				: `<button type="button" class="term" data-entry="${run.entry}">${text}</button>`;
	}
	return marking ? `${html}</mark>` : html;
}
