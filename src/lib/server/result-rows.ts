/**
 * The results' summary rows (`result_rows`, migration 0005): per student and lesson, the facts
 * of each question answered (`CellFacts` of `$lib/teach/matrix`), so a results page reads one
 * row per student instead of every answer. A row is never patched: it is worked out again from
 * the student's answers to the lesson whenever they change (answers stored by sync, answers
 * re-graded by an accepted answer), by the same `summariseTries` the plain-array matrix uses.
 * A removed student's rows go with them (ON DELETE CASCADE).
 *
 * Two writers at once: each refresh first locks its students' rows (an update), so on PostgreSQL a
 * second writer waits for the first to commit and then reads its answers too; on SQLite writers
 * take turns anyway.
 */
import { sql } from 'kysely';
import { summariseTries, type CellFacts } from '$lib/teach/matrix';
import type { Db } from './db/database';

/** One cell as stored: [question, tries, right at, first answer, its correct, its score, its arrival, last arrival]. */
type PackedCell = [string, number, number | null, string, number, number, string, string];

function pack(cell: CellFacts): PackedCell {
	return [
		cell.question_id,
		cell.tries,
		cell.right_at,
		cell.first_answer,
		cell.first_correct,
		cell.first_score,
		cell.first_received_at,
		cell.last_received_at
	];
}

/** The facts of a stored row's cells. */
export function unpack(studentId: string, cells: string): CellFacts[] {
	return (JSON.parse(cells) as PackedCell[]).map((cell) => ({
		student_id: studentId,
		question_id: cell[0],
		tries: cell[1],
		right_at: cell[2],
		first_answer: cell[3],
		first_correct: cell[4],
		first_score: cell[5],
		first_received_at: cell[6],
		last_received_at: cell[7]
	}));
}

/**
 * Works out again the rows of these students for one lesson, from their answers. Run it in the
 * transaction that changed the answers, after the change.
 */
export async function refreshResultRows(
	db: Db,
	studentIds: readonly string[],
	lessonId: string
): Promise<void> {
	// Sorted, so two refreshes lock students in one order and never wait on each other in a ring.
	const ids = [...new Set(studentIds)].sort();
	if (ids.length === 0) return;
	// A column that is not a key: on PostgreSQL that lock does not stop another writer's answers
	// (their foreign key needs only a key-share lock), so two writers cannot wait on each other.
	await db
		.updateTable('students')
		.set({ last_seen_at: sql.ref('last_seen_at') })
		.where('id', 'in', ids)
		.execute();
	const attempts = await db
		.selectFrom('attempts')
		.select(['student_id', 'question_id', 'answer', 'correct', 'score', 'received_at'])
		.where('student_id', 'in', ids)
		.where('lesson_id', '=', lessonId)
		.orderBy('received_at')
		.orderBy('batch_index')
		.orderBy('id')
		.execute();
	const byStudent = new Map<string, CellFacts[]>();
	for (const cell of summariseTries(attempts)) {
		const list = byStudent.get(cell.student_id) ?? [];
		list.push(cell);
		byStudent.set(cell.student_id, list);
	}
	for (const id of ids) {
		const cells = byStudent.get(id);
		if (!cells) {
			await db
				.deleteFrom('result_rows')
				.where('student_id', '=', id)
				.where('lesson_id', '=', lessonId)
				.execute();
			continue;
		}
		const packed = JSON.stringify(cells.map(pack));
		await db
			.insertInto('result_rows')
			.values({ student_id: id, lesson_id: lessonId, cells: packed })
			.onConflict((conflict) =>
				conflict.columns(['student_id', 'lesson_id']).doUpdateSet({ cells: packed })
			)
			.execute();
	}
}

/**
 * A class's students and the facts of every answered cell for one lesson, in one query: each
 * student with their summary row, if any.
 */
export async function classResultRows(
	db: Db,
	classId: string,
	lessonId: string
): Promise<{ students: { id: string; display_name: string }[]; cells: CellFacts[] }> {
	const rows = await db
		.selectFrom('students')
		.leftJoin('result_rows', (join) =>
			join
				.onRef('result_rows.student_id', '=', 'students.id')
				.on('result_rows.lesson_id', '=', lessonId)
		)
		.select(['students.id', 'students.display_name', 'result_rows.cells'])
		.where('students.class_id', '=', classId)
		.execute();
	return {
		students: rows.map((row) => ({ id: row.id, display_name: row.display_name })),
		cells: rows.flatMap((row) => (row.cells === null ? [] : unpack(row.id, row.cells)))
	};
}

/** The same for every lesson of a class at once, by lesson id: one row per student and lesson. */
export async function classCellFactsByLesson(
	db: Db,
	classId: string
): Promise<Map<string, CellFacts[]>> {
	const rows = await db
		.selectFrom('result_rows')
		.innerJoin('students', 'students.id', 'result_rows.student_id')
		.select(['result_rows.student_id', 'result_rows.lesson_id', 'result_rows.cells'])
		.where('students.class_id', '=', classId)
		.execute();
	const byLesson = new Map<string, CellFacts[]>();
	for (const row of rows) {
		const list = byLesson.get(row.lesson_id) ?? [];
		list.push(...unpack(row.student_id, row.cells));
		byLesson.set(row.lesson_id, list);
	}
	return byLesson;
}
