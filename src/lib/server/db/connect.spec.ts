import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClass } from '../classes';
import { DatabaseLockedError, openDatabase, SQLITE_FILE } from './connect';
import { TABLES } from './database';
import { ENGINES, openTestDatabase, rowCounts, TEST_DATABASE_URL } from './engines.fixture';

describe('the test run', () => {
	it('includes PostgreSQL on CI', () => {
		// CI must not go green on SQLite alone because nobody set up PostgreSQL.
		if (process.env.CI && !TEST_DATABASE_URL) {
			throw new Error('PostgreSQL tests were skipped: CI must set TEST_DATABASE_URL');
		}
	});
});

describe.each(ENGINES)('openDatabase on %s', (engine) => {
	it('creates every table, empty', async () => {
		const opened = await openTestDatabase(engine);
		try {
			expect(opened.engine).toBe(engine);
			// TABLES is every table the migrations make: the tests that count rows (deleting a class
			// or a student leaves nothing behind) then miss none.
			const schema =
				engine === 'postgres'
					? (await sql<{ schema: string }>`select current_schema() as schema`.execute(opened.db))
							.rows[0]?.schema
					: undefined;
			const tables = (await opened.db.introspection.getTables())
				.filter((table) => !table.isView && table.schema === schema)
				.map((table) => table.name);
			expect(tables.sort()).toEqual([...TABLES].sort());
			const counts = await rowCounts(opened.db);
			expect(Object.keys(counts).sort()).toEqual([...TABLES].sort());
			expect(Object.values(counts).every((count) => count === 0)).toBe(true);
			const one = await sql<{ one: number }>`select 1 as one`.execute(opened.db);
			expect(Number(one.rows[0]?.one)).toBe(1);
		} finally {
			await opened.cleanup();
		}
	});
});

describe('openDatabase on SQLite', () => {
	let dataDir: string;
	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'qiraa-connect-'));
	});
	afterAll(async () => {
		await rm(dataDir, { recursive: true, force: true });
	});

	it('creates the data folder and sets WAL, synchronous=FULL and foreign keys', async () => {
		const folder = path.join(dataDir, 'nested', 'data');
		const { db, close } = await openDatabase({ dataDir: folder });
		try {
			const pragma = async (name: string) =>
				Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
			expect(await pragma('journal_mode')).toBe('wal');
			expect(await pragma('synchronous')).toBe(2);
			expect(await pragma('foreign_keys')).toBe(1);
			expect(await pragma('locking_mode')).toBe('exclusive');
			expect(await pragma('secure_delete')).toBe(1);
		} finally {
			await close();
		}
	});

	it('leaves a deleted class and student unreadable in the file (secure deletion)', async () => {
		const folder = path.join(dataDir, 'secure-delete');
		const opened = await openDatabase({ dataDir: folder });
		const teacherId = randomUUID();
		const classId = randomUUID();
		const marker = 'Qx7-secret-name-of-a-student';
		await opened.db
			.insertInto('teachers')
			.values({ id: teacherId, email: 'h@s', name: '', password_hash: 'x', created_at: 'now' })
			.execute();
		await opened.db
			.insertInto('classes')
			.values({
				id: classId,
				teacher_id: teacherId,
				name: `${marker}-class`,
				join_code: 'ABCDEF',
				archived_at: null,
				created_at: 'now'
			})
			.execute();
		for (let i = 0; i < 50; i++) {
			await opened.db
				.insertInto('students')
				.values({
					id: randomUUID(),
					class_id: classId,
					display_name: `${marker} ${i}`,
					token_hash: `hash-${i}`,
					rejoin_code_hash: null,
					rejoin_expires_at: null,
					created_at: 'now',
					last_seen_at: null
				})
				.execute();
		}
		await opened.close();
		const file = path.join(folder, SQLITE_FILE);
		expect((await readFile(file)).includes(marker)).toBe(true);

		const again = await openDatabase({ dataDir: folder });
		await deleteClass(again.db, teacherId, classId);
		await again.close();
		// Closing checkpoints the write-ahead log into the file and removes the log.
		expect((await readFile(file)).includes(marker)).toBe(false);
	});

	it('keeps data and migrates idempotently across reopenings', async () => {
		const folder = path.join(dataDir, 'reopen');
		const first = await openDatabase({ dataDir: folder });
		await first.db
			.insertInto('teachers')
			.values({ id: 't', email: 'a@b', name: '', password_hash: 'x', created_at: 'now' })
			.execute();
		await first.close();
		const second = await openDatabase({ dataDir: folder });
		try {
			expect((await rowCounts(second.db)).teachers).toBe(1);
		} finally {
			await second.close();
		}
	});

	it('refuses a second opening of the same folder in this process', async () => {
		const folder = path.join(dataDir, 'twice');
		const first = await openDatabase({ dataDir: folder });
		try {
			await expect(openDatabase({ dataDir: folder })).rejects.toBeInstanceOf(DatabaseLockedError);
		} finally {
			await first.close();
		}
		const again = await openDatabase({ dataDir: folder });
		await again.close();
	});

	// A child process opens the folder through the same code the server uses.
	async function runChild(folder: string, hold = false) {
		// .mts: the temporary folder has no package.json saying this is an ES module.
		const script = path.join(dataDir, 'child.mts');
		const connect = path.resolve('src/lib/server/db/connect.ts');
		await writeFile(
			script,
			[
				`import { openDatabase } from ${JSON.stringify(connect)};`,
				'try {',
				'  const opened = await openDatabase({ dataDir: process.argv[2] });',
				"  process.stdout.write('opened\\n');",
				"  if (process.argv[3] === 'hold') setInterval(() => {}, 1000);",
				'  else await opened.close();',
				'} catch (error) {',
				'  process.stderr.write(String((error as Error).message));',
				'  process.exit(3);',
				'}'
			].join('\n')
		);
		const child = spawn(
			process.execPath,
			['--import', 'tsx', script, folder, ...(hold ? ['hold'] : [])],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		const opened = new Promise<void>((resolve, reject) => {
			child.stdout.on('data', () => stdout.includes('opened') && resolve());
			void exited.then((code) => reject(new Error(`child exited (${code}): ${stderr}`)));
		});
		// Only the holding test waits for this; elsewhere its rejection is expected and ignored.
		opened.catch(() => {});
		return { child, opened, exited, output: () => ({ stdout, stderr }) };
	}

	it('makes a second process fail at once with a clear message', async () => {
		const folder = path.join(dataDir, 'locked');
		const parent = await openDatabase({ dataDir: folder });
		try {
			const started = Date.now();
			const { exited, output } = await runChild(folder);
			expect(await exited).toBe(3);
			expect(output().stderr).toMatch(/in use by another Qiraa process/);
			// "At once": no waiting on SQLite's busy timeout. Node and tsx start-up dominate.
			expect(Date.now() - started).toBeLessThan(8000);
		} finally {
			await parent.close();
		}
		const { exited } = await runChild(folder);
		expect(await exited).toBe(0);
	}, 30_000);

	it('is free again after the holding process is killed', async () => {
		const folder = path.join(dataDir, 'killed');
		const holder = await runChild(folder, true);
		await holder.opened;
		await expect(openDatabase({ dataDir: folder })).rejects.toBeInstanceOf(DatabaseLockedError);
		holder.child.kill('SIGKILL');
		await holder.exited;
		const after = await openDatabase({ dataDir: folder });
		await after.close();
	}, 30_000);
});

describe.runIf(TEST_DATABASE_URL)('openDatabase on PostgreSQL', () => {
	it('lets two instances open and migrate one schema at the same time', async () => {
		const schema = `qiraa_test_pair_${Date.now().toString(36)}`;
		const [a, b] = await Promise.all([
			openDatabase({ databaseUrl: TEST_DATABASE_URL, schema }),
			openDatabase({ databaseUrl: TEST_DATABASE_URL, schema })
		]);
		try {
			expect(Object.values(await rowCounts(b.db))).toEqual(TABLES.map(() => 0));
		} finally {
			await sql`drop schema ${sql.id(schema)} cascade`.execute(a.db);
			await a.close();
			await b.close();
		}
	});

	it('migrates into the search_path’s schema even when another schema has Kysely’s tables', async () => {
		const other = await openTestDatabase('postgres');
		const schema = `qiraa_test_path_${Date.now().toString(36)}`;
		const url = new URL(TEST_DATABASE_URL!);
		url.searchParams.set('options', `-c search_path=${schema}`);
		try {
			await sql`create schema ${sql.id(schema)}`.execute(other.db);
			// As in production: a plain DATABASE_URL, no schema option.
			const opened = await openDatabase({ databaseUrl: url.toString() });
			try {
				const tables = await sql<{ table_name: string }>`
					select table_name from information_schema.tables where table_schema = ${schema}`.execute(opened.db);
				expect(tables.rows.map((row) => row.table_name)).toContain('kysely_migration');
				expect(Object.values(await rowCounts(opened.db))).toEqual(TABLES.map(() => 0));
			} finally {
				await opened.close();
			}
		} finally {
			await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(other.db);
			await other.cleanup();
		}
	});

	it('rejects an unreachable server', async () => {
		await expect(
			openDatabase({ databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none' })
		).rejects.toThrow();
	});
});
