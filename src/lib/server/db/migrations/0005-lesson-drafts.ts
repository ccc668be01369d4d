/**
 * Lesson drafts: a lesson a teacher is writing in the browser, kept as its two files (the article
 * text and the lesson YAML) so a draft is a lesson's source at every moment and publishing is an
 * import. `revision` counts saves, so a save based on an older one is refused rather than
 * overwriting another tab's work. Drafts go with their teacher (ON DELETE CASCADE).
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not as `Database` says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `lesson_drafts`. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('lesson_drafts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('teachers.id').onDelete('cascade'))
		.addColumn('article', 'text', (c) => c.notNull())
		.addColumn('yaml', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('lesson_drafts_owner')
		.on('lesson_drafts')
		.columns(['owner_id', 'updated_at'])
		.execute();
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropTable('lesson_drafts').ifExists().execute();
}
