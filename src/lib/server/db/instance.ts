/**
 * The app's one database, opened on first use from the server's environment (`DATA_DIR`,
 * `DATABASE_URL`) with its migrations run. Routes and hooks call `getDb()`; services never import
 * this module, so tests can hand them a database of their own.
 */
import { env } from '$env/dynamic/private';
import { openDatabase, type OpenDatabase } from './connect';
import type { Db } from './database';

let opening: Promise<OpenDatabase> | undefined;

/**
 * The open database with its engine. Opens it (and migrates) on the first call; later calls share
 * that. A failed open is not remembered, so the next request tries again (PostgreSQL may simply
 * not have been up yet).
 *
 * @throws DatabaseLockedError when another process holds the SQLite data folder
 */
export function getDatabase(): Promise<OpenDatabase> {
	opening ??= openDatabase({
		dataDir: env.DATA_DIR || './data',
		databaseUrl: env.DATABASE_URL || undefined
	}).catch((error: unknown) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

/** The query builder for services: `await getDb()`. */
export async function getDb(): Promise<Db> {
	return (await getDatabase()).db;
}

/** Closes the database if it was opened (at shutdown, so SQLite checkpoints its WAL). */
export async function closeDatabase(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current).close();
}

// adapter-node emits this after it stops accepting requests and the open ones have finished.
process.once('sveltekit:shutdown', () => {
	closeDatabase().catch(() => {
		// Shutting down anyway; nothing useful is left to do with the error.
	});
});
