/**
 * Which passage words each glossary entry is linked to: the one rule the compiler builds a
 * lesson's tappable words with, and the browser editor shows the author as they write the
 * glossary, so what the editor marks is what a student will tap.
 */
import { findAllTermOccurrences, type TermOccurrence } from '$lib/text/find';
import type { TermSpan } from './types';

/** A glossary occurrence kept for a paragraph, and how well it matched (see `TermOccurrence`). */
export type GlossaryLink = TermSpan & { match: TermOccurrence['match'] };

const RANK = { exact: 0, form: 1, near: 2 } as const;

/**
 * Which of two overlapping glossary occurrences a tapped word shows, best first: any match as
 * written or through clitics and spelling variants before a one-letter match; then the longer
 * (a phrase before one of its words); then a match as written before one through clitics; then
 * the earlier entry. The entries' order decides only between equals.
 */
function betterLink(
	a: TermOccurrence & { entry: number },
	b: TermOccurrence & { entry: number }
): number {
	const near = Number(a.match === 'near') - Number(b.match === 'near');
	if (near !== 0) return near;
	const length = b.end - b.start - (a.end - a.start);
	if (length !== 0) return length;
	return RANK[a.match] - RANK[b.match] || a.entry - b.entry;
}

/**
 * A paragraph's glossary links from each entry's occurrences in it (`occurrences[entry]`), kept
 * best first (see `betterLink`) where they overlap, in passage order.
 */
export function glossarySpans(occurrences: TermOccurrence[][]): GlossaryLink[] {
	const found = occurrences.flatMap((spans, entry) => spans.map((span) => ({ ...span, entry })));
	found.sort(betterLink);
	const kept: (TermOccurrence & { entry: number })[] = [];
	for (const span of found) {
		if (!kept.some((other) => span.start < other.end && other.start < span.end)) kept.push(span);
	}
	return kept
		.sort((a, b) => a.start - b.start)
		.map(({ start, end, entry, match }) => ({ start, end, entry, match }));
}

/**
 * Every occurrence of every glossary term, by paragraph then by entry: `result[p][t]` lists where
 * `terms[t]` occurs in `paragraphs[p]` (see `findAllTermOccurrences`).
 */
export function glossaryOccurrences(
	paragraphs: readonly string[],
	terms: readonly string[]
): TermOccurrence[][][] {
	return findAllTermOccurrences(paragraphs, terms);
}

/**
 * Each paragraph's glossary links, as the compiler makes them: `terms` are the entries' `ar`
 * forms, in the glossary's order.
 */
export function linkGlossary(
	paragraphs: readonly string[],
	terms: readonly string[]
): GlossaryLink[][] {
	return glossaryOccurrences(paragraphs, terms).map(glossarySpans);
}
