/**
 * `result_rows`: per student and lesson, what their answers come to on each question (how many
 * tries, which was first right, the first try itself), kept current as answers arrive and as a
 * teacher accepts answers (see `$lib/server/result-rows`). A results page reads one short row per
 * student instead of every answer. The rows go with their student (ON DELETE CASCADE). Existing
 * answers are summarised here once, with the rule of the time written out below, since a
 * migration must not change with the code after it.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Row {
	student_id: string;
	lesson_id: string;
	question_id: string;
	answer: string;
	correct: number;
	score: number;
	received_at: string;
}

/** Creates `result_rows` and fills it from the answers stored so far. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('result_rows')
		.addColumn('student_id', 'text', (c) =>
			c.notNull().references('students.id').onDelete('cascade')
		)
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('cells', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('result_rows_pk', ['student_id', 'lesson_id'])
		.execute();

	const students = await db.selectFrom('students').select('id').execute();
	for (const { id } of students) {
		const rows: Row[] = await db
			.selectFrom('attempts')
			.select([
				'student_id',
				'lesson_id',
				'question_id',
				'answer',
				'correct',
				'score',
				'received_at'
			])
			.where('student_id', '=', id)
			.orderBy('received_at')
			.orderBy('batch_index')
			.orderBy('id')
			.execute();
		const lessons = new Map<string, Map<string, unknown[]>>();
		for (const row of rows) {
			let cells = lessons.get(row.lesson_id);
			if (!cells) lessons.set(row.lesson_id, (cells = new Map()));
			const cell = cells.get(row.question_id);
			// [question, tries, right at, first answer, correct, score, received, last received]
			if (!cell) {
				cells.set(row.question_id, [
					row.question_id,
					1,
					row.correct === 1 ? 1 : null,
					row.answer,
					row.correct,
					row.score,
					row.received_at,
					row.received_at
				]);
				continue;
			}
			cell[1] = (cell[1] as number) + 1;
			if (cell[2] === null && row.correct === 1) cell[2] = cell[1];
			if (row.received_at > (cell[7] as string)) cell[7] = row.received_at;
		}
		for (const [lessonId, cells] of lessons) {
			await db
				.insertInto('result_rows')
				.values({ student_id: id, lesson_id: lessonId, cells: JSON.stringify([...cells.values()]) })
				.execute();
		}
	}
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropTable('result_rows').ifExists().execute();
}
