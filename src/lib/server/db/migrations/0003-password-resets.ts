/**
 * One-time password reset links (design §5, "Accounts"): each row is one outstanding link, kept
 * as the SHA-256 of its token so that a copy of the database opens no account. Deleting a teacher
 * deletes their links.
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not as `Database` says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates the table of reset links. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('password_resets')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('teacher_id', 'text', (c) =>
			c.notNull().references('teachers.id').onDelete('cascade')
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('password_resets_teacher')
		.on('password_resets')
		.column('teacher_id')
		.execute();
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropTable('password_resets').ifExists().execute();
}
