/**
 * The lesson store: the library as data (design §2.1). `lessons` holds one row per lesson id with
 * what the library lists and searches (so a page of 20 never reads a compiled lesson), and
 * `lesson_versions` every version still needed: its two source files, byte for byte, and the
 * compiled lesson as JSON. Shipped lessons (from `lessons/`) and imported ones share both tables.
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not as `Database` says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the two tables of the lesson store. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('lessons')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('origin', 'text', (c) => c.notNull())
		// A deleted teacher's lessons stay (other classes may have them assigned) with no owner.
		.addColumn('owner_id', 'text', (c) => c.references('teachers.id').onDelete('set null'))
		.addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('version', 'text', (c) => c.notNull())
		.addColumn('source_hash', 'text', (c) => c.notNull())
		.addColumn('search', 'text', (c) => c.notNull())
		.addColumn('sort_title', 'text', (c) => c.notNull())
		.addColumn('level', 'text')
		.addColumn('genre', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('lessons_owner').on('lessons').column('owner_id').execute();
	await db.schema.createIndex('lessons_title').on('lessons').column('sort_title').execute();

	await db.schema
		.createTable('lesson_versions')
		.addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
		.addColumn('version', 'text', (c) => c.notNull())
		.addColumn('article', 'text', (c) => c.notNull())
		.addColumn('yaml', 'text', (c) => c.notNull())
		.addColumn('compiled', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('replaced_at', 'text')
		.addPrimaryKeyConstraint('lesson_versions_pk', ['lesson_id', 'version'])
		.execute();
	await db.schema
		.createIndex('attempts_lesson_version')
		.on('attempts')
		.columns(['lesson_id', 'lesson_version'])
		.execute();
}

/** Drops the lesson store. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropIndex('attempts_lesson_version').ifExists().execute();
	await db.schema.dropTable('lesson_versions').ifExists().execute();
	await db.schema.dropTable('lessons').ifExists().execute();
}
