/**
 * The answers a removed student's phone could not send, as a CSV file the student can save and
 * hand to the teacher: they are never dropped silently. Pure: the page gives the words (its
 * locale's) and the lesson titles it knows.
 */
import { toCsv, type CsvValue } from '$lib/teach/csv';
import type { OutboxItem } from './device-db';

/** The headings, in the page's language. */
export interface SavedWords {
	className: string;
	student: string;
	lesson: string;
	question: string;
	answer: string;
	answeredAt: string;
}

/** An answer as a person reads it: typed text as typed, anything else as its JSON. */
function answerText(item: OutboxItem): string {
	return item.answer.type === 'short' ? item.answer.text : JSON.stringify(item.answer);
}

/**
 * One row per waiting answer, oldest first, under a heading row; UTF-8 with a BOM and formulas
 * defused (`toCsv`).
 *
 * @param title the lesson's title where the phone knows it, else its id is written
 */
export function savedAnswersCsv(
	items: readonly OutboxItem[],
	who: { className: string; name: string },
	words: SavedWords,
	title: (lessonId: string) => string | undefined
): string {
	const rows: CsvValue[][] = [
		[words.className, words.student, words.lesson, words.question, words.answer, words.answeredAt]
	];
	const sorted = [...items].sort((a, b) => (a.answeredAt < b.answeredAt ? -1 : 1));
	for (const item of sorted) {
		rows.push([
			who.className,
			who.name,
			title(item.lessonId) ?? item.lessonId,
			item.questionId,
			answerText(item),
			item.answeredAt
		]);
	}
	return toCsv(rows);
}
