/**
 * `lessons.source_stat`: what the file system says of a shipped lesson's two files (size, change
 * times, inode) when they were last hashed. A start that finds the same can skip reading and
 * hashing them: with 1,000 lessons that is about 60 MB read and hashed, half a second of CPU.
 * Null for imported lessons, and for shipped ones until the next start fills it.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Adds the column. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema.alterTable('lessons').addColumn('source_stat', 'text').execute();
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.alterTable('lessons').dropColumn('source_stat').execute();
}
