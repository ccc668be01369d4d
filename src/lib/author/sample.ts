/**
 * "Try a sample answer" for a short question being written: the typed text against the accepted
 * answers as they stand, by the very rule that grades students (src/lib/quiz/short.ts).
 */
import type { DraftQuestion } from '$lib/lesson/draft';
import type { Question } from '$lib/lesson/schema';
import { matchesShort } from '$lib/quiz/short';

type ShortQuestion = Extract<Question, { type: 'short' }>;

/** The accepted answers of one language, one a line, as the form's box holds them. */
export const linesOf = (text: string): string[] =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');

/**
 * Whether the grader would accept `sample` for the question as written, or null when there is
 * nothing to try yet (no sample, or no accepted answer in either language).
 */
export function trySample(question: DraftQuestion, sample: string): boolean | null {
	const answers = question.answers as { ar?: unknown; en?: unknown } | undefined;
	const list = (value: unknown) =>
		Array.isArray(value)
			? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
			: [];
	const ar = list(answers?.ar);
	const en = list(answers?.en);
	if (sample.trim() === '' || ar.length + en.length === 0) return null;
	// A fresh object each time: the grader keeps its key per question object, and this one changes.
	const short = { ...question, answers: { ar, en } } as unknown as ShortQuestion;
	return matchesShort(short, sample);
}
