/**
 * Databases for service tests: a fresh SQLite folder per test file, and when TEST_DATABASE_URL is
 * set, a fresh PostgreSQL schema per test file too. Suites run once per engine with
 * `describe.each(ENGINES)`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Engine, type OpenDatabase } from './connect';
import { TABLES, type Db } from './database';

/** The PostgreSQL server tests may use, if any. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The engines to run every service suite on. */
export const ENGINES: Engine[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A database of its own for one test file; `cleanup` closes it and removes every trace. */
export interface TestDatabase extends OpenDatabase {
	cleanup(): Promise<void>;
	/**
	 * PostgreSQL only: a second, independent pool on the same schema, as a second server instance
	 * would have. Undefined on SQLite, whose data folder one process holds alone.
	 */
	openAnother?: () => Promise<OpenDatabase>;
}

/** Opens a fresh, migrated database on `engine`. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
	if (engine === 'postgres') {
		const schema = `qiraa_test_${randomBytes(6).toString('hex')}`;
		const opened = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema });
		return {
			...opened,
			cleanup: async () => {
				await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
				await opened.close();
			},
			openAnother: () => openDatabase({ databaseUrl: TEST_DATABASE_URL, schema })
		};
	}
	const dataDir = await mkdtemp(path.join(tmpdir(), 'qiraa-test-'));
	const opened = await openDatabase({ dataDir });
	return {
		...opened,
		cleanup: async () => {
			await opened.close();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Opens a database for the enclosing `describe` before its tests and removes it after them.
 *
 * @returns a getter: call it inside tests, once `beforeAll` has run
 */
export function useTestDatabase(engine: Engine): () => Db {
	const { db } = useTestDatabaseWith(engine);
	return db;
}

/** Like `useTestDatabase`, also giving the whole `TestDatabase` (for `openAnother`). */
export function useTestDatabaseWith(engine: Engine): { db: () => Db; opened: () => TestDatabase } {
	let opened: TestDatabase | undefined;
	beforeAll(async () => {
		opened = await openTestDatabase(engine);
	});
	afterAll(async () => {
		await opened?.cleanup();
	});
	const current = () => {
		if (!opened) throw new Error('The test database is not open yet');
		return opened;
	};
	return { db: () => current().db, opened: current };
}

/** How many rows every application table holds. */
export async function rowCounts(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
	const counts = {} as Record<(typeof TABLES)[number], number>;
	for (const table of TABLES) {
		const row = await db
			.selectFrom(table)
			.select(db.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}
