import { splitSentences, type Span } from '$lib/text';

/**
 * A paragraph in both languages, as grading needs it. A compiled lesson's paragraphs fit, and their
 * precomputed sentence spans are used when present so that grading counts sentences exactly as the
 * app showed them.
 */
export interface ParagraphText {
	ar: string;
	en: string;
	sentences?: { ar: Span[]; en: Span[] };
}

/** The sentences of one language of a paragraph, as evidence answers number them. */
export function sentencesOf(paragraph: ParagraphText, lang: 'ar' | 'en'): Span[] {
	return paragraph.sentences?.[lang] ?? splitSentences(paragraph[lang]);
}
