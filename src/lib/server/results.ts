/**
 * What the class understood, read from the database: per assignment the students × questions
 * matrix (built by `$lib/teach/matrix` from the rows queried here), per class a line per
 * assignment, per student their history. Which answer counts is explained in the matrix module.
 *
 * A results page is read far more often than answers change, and a class of 40 sends about a
 * thousand answers to a lesson: the page's matrix is built from the summary rows of
 * `./result-rows` (one short row per student, kept current as answers arrive or are re-graded),
 * not from every answer.
 */
import type { Bilingual, Lesson } from '$lib/lesson/types';
import { describeAnswer, readStoredAnswer } from '$lib/quiz/describe';
import { buildMatrix, matrixFromFacts, type AttemptFacts, type Matrix } from '$lib/teach/matrix';
import { getLesson, lessonLookup } from '$lib/server/lessons';
import { dueEnd } from './assignments';
import { isId, ownClass, requireClass } from './classes';
import type { ClassRow, Db } from './db/database';
import { NotFoundError } from './errors';
import { classCellFactsByLesson, classResultRows } from './result-rows';

export type {
	CellState,
	ParagraphResult,
	QuestionResult,
	ResultCell,
	StudentResult
} from '$lib/teach/matrix';

/** Everything the results page of one assignment shows. */
export interface AssignmentResults extends Matrix {
	class: { id: string; name: string; timeZone: string };
	lesson: { id: string; title: Bilingual; version: string; questionCount: number };
	dueDate: string | null;
	/** The instant the due date ends (ISO), or null. */
	dueEnd: string | null;
}

/** One stored answer in a student's history. */
export interface HistoryEntry {
	id: string;
	lessonId: string;
	questionId: string;
	/** Null when the lesson or question is no longer on the server. */
	prompt: Bilingual | null;
	answer: Bilingual | null;
	correct: boolean;
	score: number;
	/** The first answer to this question (the one that counts). */
	first: boolean;
	/** Which try at its question this was, from 1. */
	tryNumber: number;
	/** The device's clock: for reference only. */
	answeredAt: string;
	receivedAt: string;
	late: boolean;
	lessonVersion: string;
}

/** A student's history: per lesson, and every answer in the order received. */
export interface StudentHistory {
	student: { id: string; name: string; joinedAt: string; lastSeenAt: string | null };
	lessons: {
		lessonId: string;
		title: Bilingual | null;
		assigned: boolean;
		dueDate: string | null;
		questionCount: number;
		answered: number;
		correct: number;
		score: number;
		complete: boolean;
		late: boolean;
	}[];
	attempts: HistoryEntry[];
}

/** A line of a class's overview: one assignment. */
export interface AssignmentOverview {
	lessonId: string;
	title: Bilingual;
	dueDate: string | null;
	students: number;
	completed: number;
	averageScore: number | null;
	late: number;
}

/** A stored answer as the services here read it. */
export interface AttemptLine extends AttemptFacts {
	id: string;
	lesson_id: string;
	answered_at: string;
	lesson_version: string;
}

const attemptColumns = [
	'attempts.id',
	'attempts.student_id',
	'attempts.lesson_id',
	'attempts.question_id',
	'attempts.answer',
	'attempts.correct',
	'attempts.score',
	'attempts.answered_at',
	'attempts.received_at',
	'attempts.lesson_version'
] as const;

/** The end of a due date as ISO text, or null; computed once, not per answer. */
export function dueEndIso(dueDate: string | null, timeZone: string): string | null {
	return dueDate === null ? null : dueEnd(dueDate, timeZone).toISOString();
}

/** A class checked to be the teacher's, and its assignment of one lesson. */
export interface CheckedAssignment {
	classRow: ClassRow;
	lessonId: string;
	dueDate: string | null;
}

/**
 * The teacher's class and its assignment of a lesson, in one query.
 *
 * @throws NotFoundError (class, `assignment-not-found`), ForbiddenError
 */
export async function requireClassAssignment(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown
): Promise<CheckedAssignment> {
	const lesson = typeof lessonId === 'string' ? lessonId : '';
	const row = isId(classId)
		? await db
				.selectFrom('classes')
				.leftJoin('assignments', (join) =>
					join
						.onRef('assignments.class_id', '=', 'classes.id')
						.on('assignments.lesson_id', '=', lesson)
				)
				.selectAll('classes')
				.select(['assignments.lesson_id as assigned', 'assignments.due_date as assignment_due'])
				.where('classes.id', '=', classId)
				.executeTakeFirst()
		: undefined;
	const { assigned, assignment_due: dueDate, ...classRow } = ownClass(row, teacherId);
	if (assigned === null) {
		throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	}
	return { classRow, lessonId: assigned, dueDate };
}

/** A class's students, unsorted. */
export async function classStudents(db: Db, classId: string) {
	return db
		.selectFrom('students')
		.select(['id', 'display_name'])
		.where('class_id', '=', classId)
		.execute();
}

/** Every answer of a class's students, optionally to one lesson, in the order received. */
export async function classAttempts(
	db: Db,
	classId: string,
	lessonId?: string
): Promise<AttemptLine[]> {
	let query = db
		.selectFrom('attempts')
		.innerJoin('students', 'students.id', 'attempts.student_id')
		.select(attemptColumns)
		.where('students.class_id', '=', classId);
	if (lessonId !== undefined) query = query.where('attempts.lesson_id', '=', lessonId);
	return query
		.orderBy('attempts.received_at')
		.orderBy('attempts.batch_index')
		.orderBy('attempts.id')
		.execute();
}

/**
 * The results of one assignment: the students × questions matrix (first tries, with tries
 * counted), completion, scores, late marks, per-question and per-paragraph figures.
 *
 * @throws NotFoundError (class, `assignment-not-found`, `unknown-lesson`), ForbiddenError
 */
export async function assignmentResults(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown
): Promise<AssignmentResults> {
	const assignment = await requireClassAssignment(db, teacherId, classId, lessonId);
	return (await checkedAssignmentResults(db, assignment)).results;
}

/**
 * The same for an assignment already checked, with the lesson the results are of (its
 * paragraphs, for the one missed most): the lesson and the students' rows are read side by side.
 *
 * @throws NotFoundError `unknown-lesson`
 */
export async function checkedAssignmentResults(
	db: Db,
	{ classRow, lessonId, dueDate }: CheckedAssignment
): Promise<{ results: AssignmentResults; lesson: Lesson }> {
	const [lesson, { students, cells }] = await Promise.all([
		getLesson(db, lessonId),
		classResultRows(db, classRow.id, lessonId)
	]);
	if (!lesson) throw new NotFoundError('unknown-lesson', 'This lesson is no longer on the server.');
	const end = dueEndIso(dueDate, classRow.time_zone);
	const results = {
		class: { id: classRow.id, name: classRow.name, timeZone: classRow.time_zone },
		lesson: {
			id: lesson.id,
			title: lesson.title,
			version: lesson.version,
			questionCount: lesson.questions.length
		},
		dueDate,
		dueEnd: end,
		...matrixFromFacts({ lesson, dueEnd: end, students, cells })
	};
	return { results, lesson };
}

/**
 * One line per assignment of a class, for the class page: completion, mean score, late marks.
 * Assignments of lessons no longer on the server are left out.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function classOverview(
	db: Db,
	teacherId: string,
	classId: unknown
): Promise<AssignmentOverview[]> {
	const classRow = await requireClass(db, teacherId, classId);
	const [assignments, students, cellsByLesson] = await Promise.all([
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date'])
			.where('class_id', '=', classRow.id)
			.orderBy('created_at')
			.orderBy('lesson_id')
			.execute(),
		classStudents(db, classRow.id),
		classCellFactsByLesson(db, classRow.id)
	]);
	const overview: AssignmentOverview[] = [];
	const lessonOf = await lessonLookup(
		db,
		assignments.map((row) => row.lesson_id)
	);
	for (const assignment of assignments) {
		const lesson = lessonOf(assignment.lesson_id);
		if (!lesson) continue;
		const { summary } = matrixFromFacts({
			lesson,
			dueEnd: dueEndIso(assignment.due_date, classRow.time_zone),
			students,
			cells: cellsByLesson.get(lesson.id) ?? []
		});
		overview.push({
			lessonId: lesson.id,
			title: lesson.title,
			dueDate: assignment.due_date,
			...summary
		});
	}
	return overview;
}

/** A student's display name by id in a class, or NotFoundError. */
async function requireStudent(db: Db, classId: string, studentId: unknown) {
	const student = isId(studentId)
		? await db
				.selectFrom('students')
				.select(['id', 'display_name', 'created_at', 'last_seen_at'])
				.where('id', '=', studentId)
				.where('class_id', '=', classId)
				.executeTakeFirst()
		: undefined;
	if (!student) throw new NotFoundError('student-not-found', 'No such student in this class.');
	return student;
}

/**
 * One student's history in a class: a line per lesson they answered or were assigned, and every
 * answer they sent, in the order the server received them.
 *
 * @throws NotFoundError (class or `student-not-found`), ForbiddenError
 */
export async function studentHistory(
	db: Db,
	teacherId: string,
	classId: unknown,
	studentId: unknown
): Promise<StudentHistory> {
	const classRow = await requireClass(db, teacherId, classId);
	const student = await requireStudent(db, classRow.id, studentId);
	const [assignments, attempts] = await Promise.all([
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date', 'created_at'])
			.where('class_id', '=', classRow.id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('attempts')
			.select(attemptColumns)
			.where('attempts.student_id', '=', student.id)
			.orderBy('attempts.received_at')
			.orderBy('attempts.batch_index')
			.orderBy('attempts.id')
			.execute()
	]);
	const dueEnds = new Map(
		assignments.map((row) => [row.lesson_id, dueEndIso(row.due_date, classRow.time_zone)])
	);
	const dueDates = new Map(assignments.map((row) => [row.lesson_id, row.due_date]));
	const lessonIds = [
		...new Set([...assignments.map((row) => row.lesson_id), ...attempts.map((a) => a.lesson_id)])
	];
	const seen = new Map<string, number>();
	const lessonOf = await lessonLookup(db, lessonIds, attempts);
	const entries = attempts.map((attempt): HistoryEntry => {
		const lesson = lessonOf(attempt.lesson_id, attempt.lesson_version);
		const question = lesson?.questions.find((candidate) => candidate.id === attempt.question_id);
		const answer = readStoredAnswer(attempt.answer);
		const key = `${attempt.lesson_id}\u0000${attempt.question_id}`;
		const tryNumber = (seen.get(key) ?? 0) + 1;
		seen.set(key, tryNumber);
		const end = dueEnds.get(attempt.lesson_id) ?? null;
		return {
			id: attempt.id,
			lessonId: attempt.lesson_id,
			questionId: attempt.question_id,
			prompt: question?.prompt ?? null,
			answer:
				lesson && question && answer !== null ? describeAnswer(question, answer, lesson) : null,
			correct: attempt.correct === 1,
			score: attempt.score,
			first: tryNumber === 1,
			tryNumber,
			answeredAt: attempt.answered_at,
			receivedAt: attempt.received_at,
			late: end !== null && attempt.received_at >= end,
			lessonVersion: attempt.lesson_version
		};
	});
	const lessons = lessonIds.map((lessonId) => {
		const lesson = lessonOf(lessonId);
		const dueDate = dueDates.get(lessonId) ?? null;
		const row = lesson
			? buildMatrix({
					lesson,
					dueEnd: dueEnds.get(lessonId) ?? null,
					students: [student],
					attempts: attempts.filter((attempt) => attempt.lesson_id === lessonId)
				}).students[0]
			: undefined;
		return {
			lessonId,
			title: lesson?.title ?? null,
			assigned: dueDates.has(lessonId),
			dueDate,
			questionCount: lesson?.questions.length ?? 0,
			answered: row?.answered ?? 0,
			correct: row?.correct ?? 0,
			score: row?.score ?? 0,
			complete: row?.complete ?? false,
			late: row?.late ?? false
		};
	});
	return {
		student: {
			id: student.id,
			name: student.display_name,
			joinedAt: student.created_at,
			lastSeenAt: student.last_seen_at
		},
		lessons,
		attempts: entries
	};
}
