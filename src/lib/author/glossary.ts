/**
 * The glossary in the editor: a new entry from a word or phrase selected in the passage (widened
 * to whole words) or typed, and where each entry links, by the compiler's own linking, so a wrong
 * link (a one-letter "near" match, a word taken by another entry) is seen as the author writes.
 */
import type { DraftGlossaryEntry } from '$lib/lesson/draft';
import { linkGlossary, type GlossaryLink } from '$lib/lesson/links';
import { PARTS_OF_SPEECH } from '$lib/lesson/constants';
import { normalise } from '$lib/text';
import { tokenised } from '$lib/text/tokenise';

export { PARTS_OF_SPEECH };

/** How well a passage word matches its entry: as written, through clitics or spelling, or near. */
export type LinkMatch = GlossaryLink['match'];

/** One place an entry links in the passage. */
export interface EntryLink {
	paragraph: number;
	start: number;
	end: number;
	/** The passage's words there, as published. */
	text: string;
	match: LinkMatch;
}

/** Where the glossary links: per paragraph (for marking the passage) and per entry (for its list). */
export interface GlossaryLinks {
	byParagraph: GlossaryLink[][];
	byEntry: EntryLink[][];
}

/** A new entry for `form`, every other field still to write (the checker points at each). */
export function newEntry(form: string): DraftGlossaryEntry {
	return { ar: form.trim(), lemma: '', root: '', pos: '', en: '', note: { ar: '', en: '' } };
}

/**
 * The whole words a selection of a paragraph touches: a selection that cuts a word takes all of
 * it, since a glossary form and a highlight are always whole words.
 *
 * @param start,end UTF-16 offsets into `paragraph`, in either order
 * @returns the span from the first word's start to the last word's end, or null when the
 *   selection holds no word (only spaces or punctuation)
 */
export function wholeWords(
	paragraph: string,
	start: number,
	end: number
): { start: number; end: number; text: string } | null {
	const [from, to] = start <= end ? [start, end] : [end, start];
	if (from === to) return null;
	const words = tokenised(paragraph).filter((word) => word.start < to && from < word.end);
	const first = words[0];
	const last = words[words.length - 1];
	if (!first || !last) return null;
	return { start: first.start, end: last.end, text: paragraph.slice(first.start, last.end) };
}

/**
 * Where a selection of the paragraphs joined by `joiner` falls: its paragraph and its offsets in
 * it. Spaces and line breaks at either edge belong to no word and are left out, so a selection
 * that starts after a paragraph's last word, or takes its line break, is still in one paragraph.
 *
 * @param start,end UTF-16 offsets into the joined text, in either order
 * @returns null when the selection crosses from one paragraph into another
 */
export function paragraphSelection(
	paragraphs: readonly string[],
	joiner: string,
	start: number,
	end: number
): { paragraph: number; start: number; end: number } | null {
	const text = paragraphs.join(joiner);
	let [from, to] = start <= end ? [start, end] : [end, start];
	while (from < to && /\s/.test(text[from] ?? '')) from++;
	while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
	const locate = (at: number) => {
		let offset = 0;
		for (const [p, paragraph] of paragraphs.entries()) {
			if (at <= offset + paragraph.length) return { paragraph: p, at: Math.max(0, at - offset) };
			offset += paragraph.length + joiner.length;
		}
		return { paragraph: paragraphs.length - 1, at: paragraphs.at(-1)?.length ?? 0 };
	};
	const [a, b] = [locate(from), locate(to)];
	return a.paragraph === b.paragraph ? { paragraph: a.paragraph, start: a.at, end: b.at } : null;
}

/** Each paragraph's links and each entry's, for `glossary` as it stands. */
export function glossaryLinks(
	paragraphs: readonly string[],
	glossary: readonly Pick<DraftGlossaryEntry, 'ar'>[]
): GlossaryLinks {
	const byParagraph = linkGlossary(
		paragraphs,
		glossary.map((entry) => entry.ar)
	);
	const byEntry: EntryLink[][] = glossary.map(() => []);
	byParagraph.forEach((links, paragraph) => {
		for (const { start, end, entry, match } of links) {
			byEntry[entry]!.push({
				paragraph,
				start,
				end,
				text: paragraphs[paragraph]!.slice(start, end),
				match
			});
		}
	});
	return { byParagraph, byEntry };
}

/**
 * Where `form` would link if it were added to the end of `glossary`: after every other entry, so a
 * word an existing entry already links as well or better is not counted.
 */
export function previewLinks(
	paragraphs: readonly string[],
	glossary: readonly Pick<DraftGlossaryEntry, 'ar'>[],
	form: string
): EntryLink[] {
	if (form.trim() === '') return [];
	const { byEntry } = glossaryLinks(paragraphs, [...glossary, { ar: form }]);
	return byEntry[glossary.length]!;
}

/**
 * The entry `form` would repeat, by the compiler's rule (the same text once normalised), or -1.
 *
 * @param except an entry not to count (the one being edited)
 */
export function sameEntry(
	glossary: readonly Pick<DraftGlossaryEntry, 'ar'>[],
	form: string,
	except = -1
): number {
	const key = normalise(form);
	if (key === '') return -1;
	return glossary.findIndex((entry, i) => i !== except && normalise(entry.ar) === key);
}

/** How many links of each kind, for an entry's summary line. */
export function countLinks(links: readonly EntryLink[]): Record<LinkMatch, number> {
	const counts = { exact: 0, form: 0, near: 0 };
	for (const link of links) counts[link.match]++;
	return counts;
}
