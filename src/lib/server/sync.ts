/**
 * Answers arriving from devices' outboxes. Each answer carries an id made on the device, and the
 * server stores each id exactly once: a batch sent twice (the network dropped the first reply),
 * or twice at the same moment (two tabs), stores nothing twice, and the replay gets the same
 * result back. The server never trusts the device's grade: it re-grades with `$lib/quiz` against
 * its own copy of the lesson, of the version the device answered (see `lessonFor`), and records
 * which version that was.
 *
 * Each item gets its own result, so one bad item never costs the others.
 */
import * as v from 'valibot';
import { answerFits, grade, parseAnswer, type Answer } from '$lib/quiz';
import { getLesson, getLessonVersion } from '$lib/server/lessons';
import { isAccepted } from './accepted';
import { refreshResultRows } from './result-rows';
import type { AttemptRow, Db } from './db/database';
import { ValidationError } from './errors';
import { requireDeviceStudent, type StudentIdentity } from './students';

/** The most attempts one batch may hold. */
export const MAX_BATCH = 200;

/**
 * Why an item was not stored. All are final: the device should drop the item from its outbox,
 * since sending it again gives the same answer.
 * - `invalid`: the item is malformed (no UUID id, missing fields, a bad `answeredAt`);
 * - `unknown-lesson`, `unknown-question`: not on this server;
 * - `not-assigned`: the lesson is not assigned to the student's class (only assigned work is
 *   stored; practice stays on the device);
 * - `invalid-answer`: the answer is malformed or does not fit the question;
 * - `id-conflict`: the id was already used for another answer.
 */
export type RejectReason =
	| 'invalid'
	| 'unknown-lesson'
	| 'unknown-question'
	| 'not-assigned'
	| 'invalid-answer'
	| 'id-conflict';

/**
 * The outcome for one item. `stored`: kept now; `duplicate`: kept before (a replay), with the
 * result stored then; `rejected`: not kept, see `reason`. `correct` and `score` come from the
 * server's grading.
 */
export interface SyncResult {
	id: string;
	status: 'stored' | 'duplicate' | 'rejected';
	reason?: RejectReason;
	correct?: boolean;
	score?: number;
}

const Batch = v.object({
	attempts: v.pipe(
		v.array(v.unknown()),
		v.maxLength(MAX_BATCH, `A batch holds at most ${MAX_BATCH} attempts.`)
	)
});

/** The shape of a sync request's body. */
export type SyncBatch = { attempts: unknown[] };

const Item = v.object({
	id: v.pipe(v.string(), v.uuid(), v.toLowerCase()),
	lessonId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	questionId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	/** The version the device showed; absent from devices older than the lesson store. */
	lessonVersion: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
	answer: v.unknown(),
	answeredAt: v.pipe(
		v.string(),
		v.maxLength(40),
		v.check((value) => !Number.isNaN(Date.parse(value)))
	)
});

type Item = v.InferOutput<typeof Item>;

const reject = (id: string, reason: RejectReason): SyncResult => ({
	id,
	status: 'rejected',
	reason
});

function replay(item: Item, studentId: string, row: AttemptRow): SyncResult {
	// Someone else's id, or the same id reused for a different question: never reveal or
	// overwrite the stored answer.
	if (
		row.student_id !== studentId ||
		row.lesson_id !== item.lessonId ||
		row.question_id !== item.questionId
	) {
		return reject(item.id, 'id-conflict');
	}
	return { id: item.id, status: 'duplicate', correct: row.correct === 1, score: row.score };
}

/**
 * The version of the lesson to grade an item against: the one the device answered, which the store
 * keeps while it has answers; the current one when the device did not say, or answered a version
 * that was replaced before any answer to it arrived (and so was not kept).
 */
async function lessonFor(db: Db, item: Item) {
	const given =
		item.lessonVersion && (await getLessonVersion(db, item.lessonId, item.lessonVersion));
	return given || (await getLesson(db, item.lessonId));
}

async function syncItem(
	db: Db,
	student: StudentIdentity,
	item: Item,
	assigned: (lessonId: string) => Promise<boolean>,
	known: Map<string, AttemptRow>,
	receivedAt: string,
	batchIndex: number
): Promise<SyncResult> {
	const existing = known.get(item.id);
	if (existing) return replay(item, student.id, existing);

	const lesson = await lessonFor(db, item);
	if (!lesson) return reject(item.id, 'unknown-lesson');
	const question = lesson.questions.find((candidate) => candidate.id === item.questionId);
	if (!question) return reject(item.id, 'unknown-question');
	if (!(await assigned(lesson.id))) return reject(item.id, 'not-assigned');
	const answer = parseAnswer(item.answer);
	if (answer === null || !answerFits(question, answer, lesson.paragraphs)) {
		return reject(item.id, 'invalid-answer');
	}
	let { correct, score } = grade(question, answer, lesson.paragraphs);
	// A typed answer the teacher accepted for this class counts as right (accepted.ts).
	if (!correct && answer.type === 'short') {
		if (await isAccepted(db, student.classId, lesson.id, question.id, answer.text)) {
			correct = true;
			score = 1;
		}
	}

	const row: AttemptRow = {
		id: item.id,
		student_id: student.id,
		lesson_id: lesson.id,
		lesson_version: lesson.version,
		question_id: question.id,
		answer: JSON.stringify(answer),
		correct: correct ? 1 : 0,
		score,
		answered_at: new Date(item.answeredAt).toISOString(),
		received_at: receivedAt,
		batch_index: batchIndex
	};
	const inserted = await db
		.insertInto('attempts')
		.values(row)
		.onConflict((conflict) => conflict.column('id').doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
		// A later item of this batch with the same id is a replay of this one.
		known.set(item.id, row);
		return { id: item.id, status: 'stored', correct, score };
	}
	// Another request stored this id between our look-up and our insert; on PostgreSQL the insert
	// waited for that request to commit, so the row is visible now.
	const winner = await db
		.selectFrom('attempts')
		.selectAll()
		.where('id', '=', item.id)
		.executeTakeFirst();
	if (!winner) return reject(item.id, 'id-conflict');
	known.set(item.id, winner);
	return replay(item, student.id, winner);
}

/**
 * Stores a batch of a student's answers, each exactly once, and tells per item what happened.
 *
 * @param studentToken the device's secret token
 * @param batch `{ attempts: [{ id, lessonId, lessonVersion?, questionId, answer, answeredAt }] }`, at most 200
 *   items; `id` a UUID made on the device, `answeredAt` the device's clock (kept for reference
 *   only; lateness uses the server's clock)
 * @returns one result per item, in the batch's order
 * @throws UnauthorizedError `invalid-token`; GoneError `removed` (410) for the device of a
 *   removed student, whose answers are no longer taken; ValidationError `invalid-batch` when the batch as a
 *   whole is malformed or too large
 */
export async function syncAttempts(
	db: Db,
	studentToken: unknown,
	batch: unknown,
	now: Date = new Date()
): Promise<{ results: SyncResult[] }> {
	const student = await requireDeviceStudent(db, studentToken);
	const parsed = v.safeParse(Batch, batch);
	if (!parsed.success) {
		throw new ValidationError(
			'invalid-batch',
			parsed.issues[0]?.message ?? 'Expected { attempts: [...] }.'
		);
	}
	const receivedAt = now.toISOString();
	const items = parsed.output.attempts.map((raw, index) => {
		const item = v.safeParse(Item, raw);
		return { index, raw, item: item.success ? item.output : null };
	});
	// Inserting in id order means two overlapping batches lock rows in the same order, so
	// PostgreSQL never has to break a deadlock between them. Sorting is stable: of two items with
	// one id, the first in the batch is the one stored.
	const order = [...items].sort((a, b) => {
		const left = a.item?.id ?? '';
		const right = b.item?.id ?? '';
		return left < right ? -1 : left > right ? 1 : 0;
	});
	const results: SyncResult[] = new Array<SyncResult>(items.length);
	await db.transaction().execute(async (trx) => {
		const assignedCache = new Map<string, Promise<boolean>>();
		const assigned = (lessonId: string) => {
			let known = assignedCache.get(lessonId);
			if (!known) {
				known = trx
					.selectFrom('assignments')
					.select('lesson_id')
					.where('class_id', '=', student.classId)
					.where('lesson_id', '=', lessonId)
					.executeTakeFirst()
					.then((row) => row !== undefined);
				assignedCache.set(lessonId, known);
			}
			return known;
		};
		// Answers stored before (replays), looked up in one query rather than one per item: the
		// look-ups were a third of the statements a batch ran.
		const ids = [...new Set(order.flatMap(({ item }) => (item === null ? [] : [item.id])))];
		const known = new Map<string, AttemptRow>();
		if (ids.length > 0) {
			const rows = await trx.selectFrom('attempts').selectAll().where('id', 'in', ids).execute();
			for (const row of rows) known.set(row.id, row);
		}
		for (const { index, raw, item } of order) {
			if (item === null) {
				const id = (raw as { id?: unknown } | null)?.id;
				results[index] = reject(typeof id === 'string' ? id.slice(0, 64) : '', 'invalid');
				continue;
			}
			const result = await syncItem(trx, student, item, assigned, known, receivedAt, index);
			// Ids are compared lower-cased; the device gets its own spelling back to match on.
			results[index] = { ...result, id: (raw as { id: string }).id };
		}
		// The results' summary of each lesson this batch stored answers to.
		const stored = new Set(
			order.flatMap(({ item, index }) =>
				item !== null && results[index]?.status === 'stored' ? [item.lessonId] : []
			)
		);
		for (const lessonId of stored) await refreshResultRows(trx, [student.id], lessonId);
		await trx
			.updateTable('students')
			.set({ last_seen_at: receivedAt })
			.where('id', '=', student.id)
			.execute();
	});
	return { results };
}

/** The shape of `studentAnswers`' reply; a device ignores a format it does not know. */
export const ANSWERS_FORMAT = 1;

/** One question as the server has it for a student, in the shape the device keeps progress in. */
export interface AnsweredQuestion {
	/** The latest answer. */
	answer: Answer;
	/** How many answers the server holds for this question. */
	tries: number;
	/** The latest answer's grade (re-graded by the server, after any answer a teacher accepted). */
	grade: { correct: boolean; score: number };
	/** The first answer's grade: the one the teacher sees. */
	firstGrade: { correct: boolean; score: number };
	/** When the latest answer was given, by the device's clock. */
	at: string;
}

/** A student's answers as the server holds them, per lesson. */
export interface StudentAnswers {
	format: typeof ANSWERS_FORMAT;
	lessons: {
		lessonId: string;
		/** The lesson version of the latest answer. */
		version: string;
		questions: Record<string, AnsweredQuestion>;
	}[];
}

/**
 * Every answer the server holds for a student, folded per question the way the device keeps
 * progress, so a new phone (a re-join) opens each lesson where the student left it and a redone
 * answer is not taken for a first try. Tries are ordered as the results are: by arrival, then by
 * the outbox's order within a batch.
 */
export async function studentAnswers(db: Db, studentId: string): Promise<StudentAnswers> {
	const rows = await db
		.selectFrom('attempts')
		.select([
			'lesson_id',
			'lesson_version',
			'question_id',
			'answer',
			'correct',
			'score',
			'answered_at'
		])
		.where('student_id', '=', studentId)
		.orderBy('received_at')
		.orderBy('batch_index')
		.orderBy('id')
		.execute();
	const lessons = new Map<string, StudentAnswers['lessons'][number]>();
	for (const row of rows) {
		const answer = parseAnswer(JSON.parse(row.answer) as unknown);
		if (answer === null) continue;
		let lesson = lessons.get(row.lesson_id);
		if (!lesson) {
			lesson = { lessonId: row.lesson_id, version: row.lesson_version, questions: {} };
			lessons.set(row.lesson_id, lesson);
		}
		lesson.version = row.lesson_version;
		const grade = { correct: row.correct === 1, score: row.score };
		const before = lesson.questions[row.question_id];
		lesson.questions[row.question_id] = {
			answer,
			tries: (before?.tries ?? 0) + 1,
			grade,
			firstGrade: before?.firstGrade ?? grade,
			at: row.answered_at
		};
	}
	return { format: ANSWERS_FORMAT, lessons: [...lessons.values()] };
}
