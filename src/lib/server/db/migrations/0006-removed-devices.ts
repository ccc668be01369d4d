/**
 * The devices of removed students: only the hash of each device's token and when it was removed,
 * so the phone can be told "you were removed from this class" on its next sync instead of a bare
 * "unknown token". Nothing in a row names the student or the class (the phone knows its class).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Creates `removed_devices`. */
export async function up(db: AnyDb): Promise<void> {
	await db.schema
		.createTable('removed_devices')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('removed_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('removed_devices_by_time')
		.on('removed_devices')
		.column('removed_at')
		.execute();
}

/** Drops it. */
export async function down(db: AnyDb): Promise<void> {
	await db.schema.dropTable('removed_devices').ifExists().execute();
}
