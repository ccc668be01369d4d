/**
 * The teacher decides: a typed answer accepted as right for one question of one class's
 * assignment. Accepting re-grades at once every stored answer that reads the same (as the
 * grader compares typed text), so the results, the CSV and what the server tells the student's
 * phone all change together; answers that arrive later are graded with it (see sync.ts). Each
 * decision is kept with who made it, when, and how many answers it changed.
 */
import { randomUUID } from 'node:crypto';
import { MAX_ANSWER_TEXT } from '$lib/quiz';
import { readStoredAnswer, shortGroup } from '$lib/quiz/describe';
import { getLesson } from '$lib/server/lessons';
import { requireClass } from './classes';
import { refreshResultRows } from './result-rows';
import type { Db } from './db/database';
import { NotFoundError, ValidationError } from './errors';

/** One accepted answer, as the results page lists it. */
export interface AcceptedAnswer {
	questionId: string;
	text: string;
	group: string;
	acceptedBy: string;
	acceptedAt: string;
	regraded: number;
}

/**
 * Accepts a typed answer as right for a short-answer question of an assignment and re-grades
 * the class's stored answers that read the same.
 *
 * @returns how many stored answers became right (0 when it had been accepted before)
 * @throws NotFoundError (class, `assignment-not-found`, `unknown-question`), ForbiddenError,
 *   ValidationError `not-typed` (the question is not a short answer), `invalid-answer`
 */
export async function acceptAnswer(
	db: Db,
	teacherId: string,
	input: { classId: unknown; lessonId: unknown; questionId: unknown; text: unknown },
	now: Date = new Date()
): Promise<{ regraded: number }> {
	const classRow = await requireClass(db, teacherId, input.classId);
	const assigned =
		typeof input.lessonId === 'string'
			? await db
					.selectFrom('assignments')
					.select('lesson_id')
					.where('class_id', '=', classRow.id)
					.where('lesson_id', '=', input.lessonId)
					.executeTakeFirst()
			: undefined;
	const lesson = assigned ? await getLesson(db, assigned.lesson_id) : undefined;
	if (!lesson) throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	const question = lesson.questions.find((q) => q.id === input.questionId);
	if (!question) throw new NotFoundError('unknown-question', 'No such question.');
	if (question.type !== 'short') {
		throw new ValidationError('not-typed', 'Only typed answers can be accepted.');
	}
	const text = typeof input.text === 'string' ? input.text.trim() : '';
	const group = shortGroup(text);
	if (text === '' || text.length > MAX_ANSWER_TEXT || group === shortGroup('')) {
		throw new ValidationError('invalid-answer', 'Give the answer to accept.');
	}
	return db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('accepted_answers')
			.values({
				id: randomUUID(),
				class_id: classRow.id,
				lesson_id: lesson.id,
				question_id: question.id,
				answer_group: group,
				answer_text: text,
				accepted_by: teacherId,
				accepted_at: now.toISOString(),
				regraded: 0
			})
			.onConflict((conflict) =>
				conflict.columns(['class_id', 'lesson_id', 'question_id', 'answer_group']).doNothing()
			)
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { regraded: 0 };
		const wrong = await trx
			.selectFrom('attempts')
			.innerJoin('students', 'students.id', 'attempts.student_id')
			.select(['attempts.id', 'attempts.answer', 'attempts.student_id'])
			.where('students.class_id', '=', classRow.id)
			.where('attempts.lesson_id', '=', lesson.id)
			.where('attempts.question_id', '=', question.id)
			.where('attempts.correct', '=', 0)
			.execute();
		// Normalising is the grader's, in TypeScript: the database cannot compare as it does.
		const regraded = wrong.filter((row) => {
			const answer = readStoredAnswer(row.answer);
			return answer?.type === 'short' && shortGroup(answer.text) === group;
		});
		const ids = regraded.map((row) => row.id);
		if (ids.length > 0) {
			await trx
				.updateTable('attempts')
				.set({ correct: 1, score: 1 })
				.where('id', 'in', ids)
				.execute();
			await refreshResultRows(
				trx,
				regraded.map((row) => row.student_id),
				lesson.id
			);
		}
		await trx
			.updateTable('accepted_answers')
			.set({ regraded: ids.length })
			.where('class_id', '=', classRow.id)
			.where('lesson_id', '=', lesson.id)
			.where('question_id', '=', question.id)
			.where('answer_group', '=', group)
			.execute();
		return { regraded: ids.length };
	});
}

/**
 * The answers accepted for an assignment, oldest first, with the name of the teacher who
 * accepted each.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function acceptedAnswers(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: string
): Promise<AcceptedAnswer[]> {
	const classRow = await requireClass(db, teacherId, classId);
	return classAcceptedAnswers(db, classRow.id, lessonId);
}

/** The same for a class already checked to be the teacher's. */
export async function classAcceptedAnswers(
	db: Db,
	classId: string,
	lessonId: string
): Promise<AcceptedAnswer[]> {
	const rows = await db
		.selectFrom('accepted_answers')
		.innerJoin('teachers', 'teachers.id', 'accepted_answers.accepted_by')
		.select([
			'accepted_answers.question_id',
			'accepted_answers.answer_text',
			'accepted_answers.answer_group',
			'accepted_answers.accepted_at',
			'accepted_answers.regraded',
			'teachers.name'
		])
		.where('accepted_answers.class_id', '=', classId)
		.where('accepted_answers.lesson_id', '=', lessonId)
		.orderBy('accepted_answers.accepted_at')
		.orderBy('accepted_answers.id')
		.execute();
	return rows.map((row) => ({
		questionId: row.question_id,
		text: row.answer_text,
		group: row.answer_group,
		acceptedBy: row.name,
		acceptedAt: row.accepted_at,
		regraded: row.regraded
	}));
}

/** Whether a typed answer was accepted for this question of the class's assignment. */
export async function isAccepted(
	db: Db,
	classId: string,
	lessonId: string,
	questionId: string,
	text: string
): Promise<boolean> {
	const row = await db
		.selectFrom('accepted_answers')
		.select('id')
		.where('class_id', '=', classId)
		.where('lesson_id', '=', lessonId)
		.where('question_id', '=', questionId)
		.where('answer_group', '=', shortGroup(text))
		.executeTakeFirst();
	return row !== undefined;
}
