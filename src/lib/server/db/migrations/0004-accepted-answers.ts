/**
 * Typed answers a teacher accepted as right for one question of one assignment, and the log of
 * who accepted which and when. Portable types only, so it runs on SQLite and PostgreSQL alike;
 * the rows go with their class (ON DELETE CASCADE), as every class's data does.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `accepted_answers`. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('accepted_answers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('answer_group', 'text', (c) => c.notNull())
		.addColumn('answer_text', 'text', (c) => c.notNull())
		.addColumn('accepted_by', 'text', (c) =>
			c.notNull().references('teachers.id').onDelete('cascade')
		)
		.addColumn('accepted_at', 'text', (c) => c.notNull())
		.addColumn('regraded', 'integer', (c) => c.notNull())
		.addUniqueConstraint('accepted_answers_once', [
			'class_id',
			'lesson_id',
			'question_id',
			'answer_group'
		])
		.execute();
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropTable('accepted_answers').ifExists().execute();
}
