/**
 * The results as CSV files a teacher keeps or opens in a spreadsheet: one assignment's matrix,
 * and everything a class holds (to keep before deleting it). Headings and words come from the
 * teacher area's locale files, in the teacher's language; questions are named by number and
 * text, lessons by title, times are on the class's wall clock, and partial credit is written as
 * such.
 */
import { createI18n, type Lang } from '$lib/i18n';
import { teachMessages } from '$lib/i18n/teach';
import type { Bilingual } from '$lib/lesson/types';
import { describeAnswer, readStoredAnswer } from '$lib/quiz/describe';
import { toCsv, type CsvValue } from '$lib/teach/csv';
import { formatPercent, wallClock } from '$lib/teach/format';
import { attemptMark, markOf, type Mark } from '$lib/teach/marks';
import { byName } from '$lib/teach/matrix';
import { lessonLookup } from '$lib/server/lessons';
import { requireClass } from './classes';
import type { Db } from './db/database';
import {
	assignmentResults,
	classAttempts,
	classStudents,
	dueEndIso,
	type AssignmentResults,
	type AttemptLine
} from './results';

/** The languages CSV headings and words come in. */
export type CsvLang = Lang;

const percent = (share: number) => Math.round(share * 1000) / 10;

function wordsFor(lang: CsvLang) {
	const { t } = createI18n(lang, teachMessages[lang]);
	const yesNo = (value: boolean) => t(value ? 'teach.csv.yes' : 'teach.csv.no');
	const CELL = {
		right: 'teach.csv.right',
		partly: 'teach.csv.partly',
		later: 'teach.csv.later',
		wrong: 'teach.csv.wrong',
		'not-yet': null
	} as const;
	const mark = (m: Mark) => {
		const key = CELL[m.state];
		return key === null
			? ''
			: t(key, { percent: formatPercent(m.share ?? null, lang), try: String(m.at ?? '') });
	};
	return { t, yesNo, mark };
}

const questionHeading = (number: number, prompt: Bilingual, lang: CsvLang) =>
	`${number}. ${prompt[lang]}`;

/**
 * The matrix of one assignment as CSV: a row per student with the lesson's title, answered,
 * right at the first try, score, complete, late and their last answer, then one column per
 * question (right, partly right with its share, right at a later try, wrong, or empty).
 *
 * @throws as `assignmentResults`
 */
export async function assignmentCsv(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown,
	lang: CsvLang = 'en'
): Promise<{ csv: string; results: AssignmentResults }> {
	const results = await assignmentResults(db, teacherId, classId, lessonId);
	const { t, yesNo, mark } = wordsFor(lang);
	const zone = results.class.timeZone;
	const header: CsvValue[] = [
		t('teach.csv.student'),
		t('teach.csv.lesson'),
		t('teach.csv.answered'),
		t('teach.csv.correct'),
		t('teach.csv.score'),
		t('teach.csv.complete'),
		t('teach.csv.late'),
		t('teach.csv.lastAnswer', { zone }),
		...results.questions.map((question) => questionHeading(question.number, question.prompt, lang))
	];
	const title = results.lesson.title[lang];
	const rows = results.students.map((student): CsvValue[] => [
		student.name,
		title,
		student.answered,
		student.correct,
		percent(student.score),
		yesNo(student.complete),
		yesNo(student.late),
		student.lastAnswerAt === null ? '' : wallClock(student.lastAnswerAt, zone),
		...student.cells.map((cell) => mark(markOf(cell)))
	]);
	return { csv: toCsv([header, ...rows]), results };
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
	const { t, yesNo, mark } = wordsFor(lang);
	const zone = classRow.time_zone;
	const [students, attempts, assignments] = await Promise.all([
		classStudents(db, classRow.id),
		classAttempts(db, classRow.id),
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date'])
			.where('class_id', '=', classRow.id)
			.execute()
	]);
	const dueEnds = new Map(assignments.map((row) => [row.lesson_id, dueEndIso(row.due_date, zone)]));
	const byStudent = new Map<string, AttemptLine[]>();
	for (const attempt of attempts) {
		const list = byStudent.get(attempt.student_id) ?? [];
		list.push(attempt);
		byStudent.set(attempt.student_id, list);
	}
	const header: CsvValue[] = [
		t('teach.csv.student'),
		t('teach.csv.studentId'),
		t('teach.csv.lesson'),
		t('teach.csv.question'),
		t('teach.csv.answer'),
		t('teach.csv.result'),
		t('teach.csv.score'),
		t('teach.csv.first'),
		t('teach.csv.late'),
		t('teach.csv.answeredAt', { zone }),
		t('teach.csv.receivedAt', { zone }),
		t('teach.csv.version')
	];
	const rows: CsvValue[][] = [];
	const sorted = students
		.map((student) => ({ ...student, name: student.display_name }))
		.sort(byName);
	// Each answer is described by the version of the lesson it was given to.
	const lessonOf = await lessonLookup(db, [], attempts);
	for (const student of sorted) {
		const list = byStudent.get(student.id) ?? [];
		if (list.length === 0) {
			rows.push([student.name, student.id, '', '', '', '', '', '', '', '', '', '']);
			continue;
		}
		const tries = new Map<string, number>();
		for (const attempt of list) {
			const lesson = lessonOf(attempt.lesson_id, attempt.lesson_version);
			const index = lesson?.questions.findIndex((q) => q.id === attempt.question_id) ?? -1;
			const question = lesson?.questions[index];
			const answer = readStoredAnswer(attempt.answer);
			const readable =
				lesson && question && answer !== null ? describeAnswer(question, answer, lesson) : null;
			const key = `${attempt.lesson_id}\u0000${attempt.question_id}`;
			const tryNumber = (tries.get(key) ?? 0) + 1;
			tries.set(key, tryNumber);
			const end = dueEnds.get(attempt.lesson_id) ?? null;
			rows.push([
				student.name,
				student.id,
				lesson ? lesson.title[lang] : attempt.lesson_id,
				question ? questionHeading(index + 1, question.prompt, lang) : attempt.question_id,
				readable === null ? attempt.answer : readable[lang],
				mark(attemptMark({ correct: attempt.correct === 1, score: attempt.score, tryNumber })),
				percent(attempt.score),
				yesNo(tryNumber === 1),
				yesNo(end !== null && attempt.received_at >= end),
				wallClock(attempt.answered_at, zone),
				wallClock(attempt.received_at, zone),
				attempt.lesson_version
			]);
		}
	}
	return toCsv([header, ...rows]);
}
