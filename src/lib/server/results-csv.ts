/**
 * The results as CSV files a teacher keeps or opens in a spreadsheet: one assignment's matrix,
 * and everything a class holds (to keep before deleting it). Headings and words come from the
 * teacher area's locale files, in the teacher's language.
 */
import { teachMessages } from '$lib/i18n/teach';
import { describeAnswer, readStoredAnswer } from '$lib/quiz/describe';
import { toCsv, type CsvValue } from '$lib/teach/csv';
import { byName } from '$lib/teach/matrix';
import { getLesson } from '$lib/server/lessons';
import { requireClass } from './classes';
import type { Db } from './db/database';
import {
	assignmentResults,
	classAttempts,
	classStudents,
	dueEndIso,
	type AttemptLine
} from './results';

/** The languages CSV headings and words come in. */
export type CsvLang = 'ar' | 'en';

const wordsOf = (lang: CsvLang) => teachMessages[lang].teach.csv;

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The matrix of one assignment as CSV: a row per student with answered, correct, score, complete
 * and late, then one column per question.
 *
 * @throws as `assignmentResults`
 */
export async function assignmentCsv(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown,
	lang: CsvLang = 'en'
): Promise<string> {
	const results = await assignmentResults(db, teacherId, classId, lessonId);
	const words = wordsOf(lang);
	const yesNo = (value: boolean) => (value ? words.yes : words.no);
	const header: CsvValue[] = [
		words.student,
		words.answered,
		words.correct,
		words.score,
		words.complete,
		words.late,
		...results.questions.map((question) => `${question.number}. ${question.prompt[lang]}`)
	];
	const rows = results.students.map((student): CsvValue[] => [
		student.name,
		student.answered,
		student.correct,
		percent(student.score),
		yesNo(student.complete),
		yesNo(student.late),
		...student.cells.map((cell) =>
			cell.state === 'right' ? words.right : cell.state === 'not-yet' ? '' : words.wrong
		)
	]);
	return toCsv([header, ...rows]);
}

/**
 * Everything a class holds, as CSV, to keep before deleting it: a row per answer (students with
 * no answers get one row of their own), with the readable answer and both clocks.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function classCsv(
	db: Db,
	teacherId: string,
	classId: unknown,
	lang: CsvLang = 'en'
): Promise<string> {
	const classRow = await requireClass(db, teacherId, classId);
	const words = wordsOf(lang);
	const [students, attempts, assignments] = await Promise.all([
		classStudents(db, classRow.id),
		classAttempts(db, classRow.id),
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date'])
			.where('class_id', '=', classRow.id)
			.execute()
	]);
	const dueEnds = new Map(
		assignments.map((row) => [row.lesson_id, dueEndIso(row.due_date, classRow.time_zone)])
	);
	const byStudent = new Map<string, AttemptLine[]>();
	for (const attempt of attempts) {
		const list = byStudent.get(attempt.student_id) ?? [];
		list.push(attempt);
		byStudent.set(attempt.student_id, list);
	}
	const header: CsvValue[] = [
		words.student,
		words.studentId,
		words.lesson,
		words.question,
		words.answer,
		words.correct,
		words.score,
		words.first,
		words.late,
		words.answeredAt,
		words.receivedAt,
		words.version
	];
	const rows: CsvValue[][] = [];
	const sorted = students
		.map((student) => ({ ...student, name: student.display_name }))
		.sort(byName);
	for (const student of sorted) {
		const list = byStudent.get(student.id) ?? [];
		if (list.length === 0) {
			rows.push([student.name, student.id, '', '', '', '', '', '', '', '', '', '']);
			continue;
		}
		const seen = new Set<string>();
		for (const attempt of list) {
			const lesson = getLesson(attempt.lesson_id);
			const question = lesson?.questions.find((q) => q.id === attempt.question_id);
			const answer = readStoredAnswer(attempt.answer);
			const readable =
				lesson && question && answer !== null ? describeAnswer(question, answer, lesson) : null;
			const key = `${attempt.lesson_id}\u0000${attempt.question_id}`;
			const first = !seen.has(key);
			seen.add(key);
			const end = dueEnds.get(attempt.lesson_id) ?? null;
			rows.push([
				student.name,
				student.id,
				attempt.lesson_id,
				attempt.question_id,
				readable === null ? attempt.answer : readable[lang],
				attempt.correct === 1 ? words.yes : words.no,
				percent(attempt.score),
				first ? words.yes : words.no,
				end !== null && attempt.received_at >= end ? words.yes : words.no,
				attempt.answered_at,
				attempt.received_at,
				attempt.lesson_version
			]);
		}
	}
	return toCsv([header, ...rows]);
}
