/**
 * The server killed (SIGKILL, no chance to clean up) while devices are sending their outboxes,
 * then started again on the same database: each device sends again every batch it saw no
 * acknowledgement for, as `outbox.ts` does, and every answer ends up stored exactly once in a
 * database that is not corrupt. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 * Needs the production build (the suite's web server makes it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from './fixtures';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { keyAnswer } from '../../src/lib/quiz';
import { SQLITE_FILE } from '../../src/lib/server/db/connect';
import { joinAs, makeClassroom } from './classroom';
import { loadLessons } from './lessons';
import { startServer, type ServerOptions, type TestServer } from './server';

const LESSONS = loadLessons();
const STUDENTS = 6;
/** Batches per device, of the size `outbox.ts` sends. */
const BATCHES = 4;
const BATCH = 100;
/** From the first acknowledgement to the kill: other batches are then being written. */
const KILL_AFTER_MS = 20;

interface Item {
	id: string;
	lessonId: string;
	questionId: string;
	answer: unknown;
	answeredAt: string;
}

interface Device {
	token: string;
	/** Oldest first; a batch leaves when the server has answered for it. */
	outbox: Item[][];
}

/** A device's outbox: answers to every question of both lessons, in both languages, in turn. */
function outbox(): Item[][] {
	const questions = LESSONS.flatMap((lesson) =>
		lesson.questions.map((question) => ({ lesson, question }))
	);
	return Array.from({ length: BATCHES }, (_, b) =>
		Array.from({ length: BATCH }, (_, i) => {
			const n = b * BATCH + i;
			const { lesson, question } = questions[n % questions.length]!;
			return {
				id: randomUUID(),
				lessonId: lesson.id,
				questionId: question.id,
				answer: keyAnswer(question, lesson.paragraphs, n % 2 === 0 ? 'ar' : 'en'),
				answeredAt: new Date(Date.now() - n * 1000).toISOString()
			};
		})
	);
}

/** What a device saw of one request. */
type Outcome = 'acknowledged' | 'failed';

/**
 * Sends a device's batches one after another, as the outbox does, until one fails; removes each
 * acknowledged batch from the outbox. Calls `onAck` after each acknowledgement.
 */
async function sendAll(
	server: TestServer,
	device: Device,
	onAck: (statuses: string[]) => void
): Promise<Outcome> {
	while (device.outbox.length > 0) {
		const batch = device.outbox[0]!;
		let results: { id: string; status: string }[];
		try {
			const response = await fetch(`${server.origin}/api/sync`, {
				method: 'POST',
				headers: {
					origin: server.origin,
					'content-type': 'application/json',
					authorization: `Bearer ${device.token}`
				},
				body: JSON.stringify({ attempts: batch })
			});
			if (!response.ok) return 'failed';
			({ results } = (await response.json()) as { results: { id: string; status: string }[] });
		} catch {
			return 'failed';
		}
		expect(results.map((result) => result.id)).toEqual(batch.map((item) => item.id));
		for (const result of results) expect(['stored', 'duplicate']).toContain(result.status);
		device.outbox.shift();
		onAck(results.map((result) => result.status));
	}
	return 'acknowledged';
}

/** Where the server keeps its data, and what a test reads back from there once it has stopped. */
interface Store {
	server: ServerOptions;
	/** The stored answers' ids, after checking the database is sound. */
	storedIds(): Promise<string[]>;
	cleanup(): Promise<void>;
}

function sqliteStore(): Store {
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-crash-'));
	return {
		server: { dataDir },
		async storedIds() {
			const db = new SQLite(join(dataDir, SQLITE_FILE));
			try {
				expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
				expect(db.pragma('foreign_key_check')).toEqual([]);
				return (db.prepare('select id from attempts').all() as { id: string }[]).map(
					(row) => row.id
				);
			} finally {
				db.close();
			}
		},
		async cleanup() {
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A schema of its own on the test PostgreSQL, which the server is pointed at by its URL. */
async function postgresStore(url: string): Promise<Store> {
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-crash-'));
	const schema = `qiraa_crash_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query(`create schema ${schema}`);
	const serverUrl = new URL(url);
	serverUrl.searchParams.set('options', `-c search_path=${schema}`);
	return {
		server: { dataDir, databaseUrl: serverUrl.toString() },
		async storedIds() {
			const { rows } = await client.query<{ id: string }>(`select id from ${schema}.attempts`);
			return rows.map((row) => row.id);
		},
		async cleanup() {
			await client.query(`drop schema if exists ${schema} cascade`);
			await client.end();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

const ENGINES = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

for (const engine of ENGINES) {
	test(`killed mid-sync and restarted: every answer stored exactly once, the database sound (${engine})`, async ({
		playwright
	}) => {
		test.setTimeout(120_000);
		const store =
			engine === 'postgres' ? await postgresStore(process.env.TEST_DATABASE_URL!) : sqliteStore();
		try {
			let server = await startServer(store.server);
			expect(server.db).toBe(engine);
			const port = Number(new URL(server.origin).port);
			const { teacher, code } = await makeClassroom(
				playwright,
				server.origin,
				LESSONS.map((lesson) => ({ lesson: lesson.id }))
			);
			const api = await playwright.request.newContext({ baseURL: server.origin });
			const devices: Device[] = [];
			for (let s = 0; s < STUDENTS; s++) {
				const { token } = await joinAs(api, server.origin, code, `Student ${s + 1}`);
				devices.push({ token, outbox: outbox() });
			}
			await Promise.all([teacher.dispose(), api.dispose()]);
			const sent = devices.flatMap((device) => device.outbox.flat().map((item) => item.id));

			// Every device sends at once; soon after the first acknowledgement, the plug is pulled.
			let killing: Promise<void> | undefined;
			let inFlightAtKill = 0;
			const first = devices.map((device) =>
				sendAll(server, device, () => {
					killing ??= sleep(KILL_AFTER_MS).then(() => {
						inFlightAtKill = devices.filter((d) => d.outbox.length > 0).length;
						return server.kill('SIGKILL');
					});
				})
			);
			const outcomes = await Promise.all(first);
			await killing;
			expect(killing, 'a batch was acknowledged before the kill').toBeDefined();
			expect(inFlightAtKill, 'devices were still sending when the server died').toBeGreaterThan(0);
			expect(outcomes).toContain('failed');
			const unacknowledged = devices.reduce((sum, device) => sum + device.outbox.length, 0);
			expect(unacknowledged).toBeGreaterThan(0);

			// Started again on the same database (no stale lock), each device sends what is left.
			server = await startServer({ ...store.server, port });
			expect(server.db).toBe(engine);
			let replayed = 0;
			const again = await Promise.all(
				devices.map((device) =>
					sendAll(server, device, (statuses) => {
						replayed += statuses.filter((status) => status === 'duplicate').length;
					})
				)
			);
			expect(again).toEqual(devices.map(() => 'acknowledged'));
			// How many answers were stored before the kill without the device hearing of it.
			test.info().annotations.push({
				type: 'crash',
				description: `${sent.length} answers in ${STUDENTS * BATCHES} batches; killed with ${unacknowledged} unacknowledged, ${replayed} of whose answers the server had stored`
			});
			await server.kill('SIGTERM');

			const ids = await store.storedIds();
			expect(ids).toHaveLength(sent.length);
			expect(new Set(ids)).toEqual(new Set(sent));
		} finally {
			await store.cleanup();
		}
	});
}
