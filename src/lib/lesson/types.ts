import type { Readability } from '$lib/text/readability';
import type { Span } from '$lib/text/find';
import type { Bilingual, GlossaryEntry, LessonFile, Question } from './schema';

export type { Bilingual, GlossaryEntry, Question };
export type { QuestionType, Skill } from './schema';

/** A glossary word or phrase found in a paragraph's Arabic. */
export interface TermSpan extends Span {
	/** Index into the lesson's glossary. */
	entry: number;
}

/** A paragraph as the app shows it: the article's own Arabic and its English translation. */
export interface Paragraph {
	ar: string;
	en: string;
	/** Where glossary entries occur in `ar`, in order, never overlapping. */
	terms: TermSpan[];
	/** Sentence spans of each language, as `evidence` answers count them. */
	sentences: { ar: Span[]; en: Span[] };
}

/** A question with the place of its evidence in both languages of its paragraph. */
export type CompiledQuestion = Question & { evidenceSpan: { ar: Span; en: Span } };

/** What the compiler produces from `lessons/<id>/`, and what the app and the server use. */
export interface Lesson {
	id: string;
	/** A hash of everything below; changes whenever the content does. */
	version: string;
	title: Bilingual;
	summary?: Bilingual;
	source: LessonFile['source'];
	level?: LessonFile['level'];
	notes: Bilingual[];
	paragraphs: Paragraph[];
	glossary: GlossaryEntry[];
	questions: CompiledQuestion[];
	/** Figures for teachers, computed from the Arabic text. */
	readability: Readability;
	/** Estimated minutes to read the Arabic text. */
	readingMinutes: number;
}

/** The short form the library page lists. */
export interface LessonSummary {
	id: string;
	version: string;
	title: Bilingual;
	summary?: Bilingual;
	source: LessonFile['source'];
	level?: LessonFile['level'];
	readingMinutes: number;
	questionCount: number;
}

export function summarise(lesson: Lesson): LessonSummary {
	return {
		id: lesson.id,
		version: lesson.version,
		title: lesson.title,
		summary: lesson.summary,
		source: lesson.source,
		level: lesson.level,
		readingMinutes: lesson.readingMinutes,
		questionCount: lesson.questions.length
	};
}
