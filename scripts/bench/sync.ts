/**
 * The sync bench: a class of 40 students whose devices send batches of answers to real questions
 * of the real lessons through `POST /api/sync` of the production server, on SQLite and, when
 * DATABASE_URL is set, on PostgreSQL (in a schema of its own, dropped afterwards).
 *
 * The teacher, the class and its assignments are written straight into the database before the
 * server starts (SQLite allows one process at a time, and there are no teacher pages to drive
 * yet); the students join through `POST /api/join` as devices do.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Lesson } from '../../src/lib/lesson';
import { createClass } from '../../src/lib/server/classes';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/connect';
import { makeBatch, randomSource } from './answers';
import { figure, type Figure } from './figures';
import { closedLoop, openLoop, type LoadOptions, type LoadResult } from './load';
import { cpuTimeMs, residentMemory, startServer, type RunningServer } from './server';
import { median, round } from './stats';

export const STUDENTS = 40;
export const BATCH = { min: 5, max: 20 };
/** The rate at which latency is judged: the throughput budget. */
export const TARGET_ANSWERS_PER_SECOND = 1000;
const COLD_STARTS = 3;
const WARMUP_MS = 2_000;
const SATURATION_MS = 8_000;
const TARGET_MS = 10_000;
// A bound on every loop whatever the clock does; far above what the durations allow.
const MAX_BATCHES_PER_STUDENT = 2_000;

export interface SyncEngineResult {
	engine: 'sqlite' | 'postgres';
	coldStartMs: number[];
	saturation: LoadResult;
	/** The server's CPU time per 1,000 answers stored, flat out; null without /proc. */
	cpuMsPer1000: number | null;
	target: LoadResult & { offeredAnswersPerSecond: number };
	rssMb: number | null;
	peakRssMb: number | null;
}

type Progress = (message: string) => void;

/** The class, its teacher and its assignments, written before the server opens the database. */
async function prepare(database: OpenDatabase, lessons: readonly Lesson[]): Promise<string> {
	const { db } = database;
	const teacherId = randomUUID();
	const now = new Date().toISOString();
	// The password hash is a placeholder nobody can sign in with: the bench never signs in.
	await db
		.insertInto('teachers')
		.values({
			id: teacherId,
			email: `bench-${teacherId}@qiraa.invalid`,
			name: 'Bench',
			password_hash: 'none',
			created_at: now
		})
		.execute();
	const classInfo = await createClass(db, teacherId, { name: 'Bench 7B' });
	// assignLessons checks lesson ids against the server's bundled lessons, which only exist
	// inside Vite; these ids come from the same lesson files.
	await db
		.insertInto('assignments')
		.values(
			lessons.map((lesson) => ({
				class_id: classInfo.id,
				lesson_id: lesson.id,
				due_date: null,
				created_at: now
			}))
		)
		.execute();
	return classInfo.joinCode;
}

async function post(origin: string, path: string, body: unknown, token?: string) {
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		headers: {
			// The server refuses writes that do not name its own origin, as browsers do.
			origin,
			'content-type': 'application/json',
			...(token === undefined ? {} : { authorization: `Bearer ${token}` })
		},
		body: JSON.stringify(body)
	});
	if (!response.ok) {
		throw new Error(`${path}: ${response.status} ${await response.text()}`);
	}
	return response.json() as Promise<unknown>;
}

async function joinStudents(origin: string, code: string): Promise<string[]> {
	const tokens: string[] = [];
	for (let i = 0; i < STUDENTS; i++) {
		const joined = (await post(origin, '/api/join', { code, name: `Student ${i + 1}` })) as {
			token: string;
		};
		tokens.push(joined.token);
	}
	return tokens;
}

function sender(origin: string, tokens: string[], lessons: readonly Lesson[], seed: number) {
	const random = randomSource(seed);
	return async (student: number, size: number) => {
		const attempts = makeBatch(lessons, size, random, randomUUID);
		const reply = (await post(origin, '/api/sync', { attempts }, tokens[student])) as {
			results: { status: string }[];
		};
		return reply.results.filter((result) => result.status === 'stored').length;
	};
}

/** Runs the load against one engine's server, already prepared. */
async function measure(
	engine: 'sqlite' | 'postgres',
	buildDir: string,
	env: Record<string, string>,
	lessons: readonly Lesson[],
	code: string,
	progress: Progress
): Promise<SyncEngineResult> {
	const coldStartMs: number[] = [];
	for (let i = 0; i < COLD_STARTS; i++) {
		progress(`sync ${engine}: cold start ${i + 1}/${COLD_STARTS}`);
		const server = await startServer(buildDir, env);
		coldStartMs.push(server.coldStartMs);
		await server.stop();
	}
	progress(`sync ${engine}: starting the server`);
	const server: RunningServer = await startServer(buildDir, env);
	coldStartMs.push(server.coldStartMs);
	if (server.db !== engine) {
		await server.stop();
		throw new Error(`The server for the ${engine} run reports ${server.db} in /healthz`);
	}
	try {
		progress(`sync ${engine}: ${STUDENTS} students join`);
		const tokens = await joinStudents(server.origin, code);
		const send = sender(server.origin, tokens, lessons, 7);
		const base: LoadOptions = {
			students: STUDENTS,
			batch: BATCH,
			durationMs: WARMUP_MS,
			maxBatchesPerStudent: MAX_BATCHES_PER_STUDENT,
			random: randomSource(11)
		};
		progress(`sync ${engine}: warming up`);
		await closedLoop(send, base);
		progress(`sync ${engine}: as fast as it goes, ${SATURATION_MS / 1000} s`);
		const cpuBefore = cpuTimeMs(server.pid);
		const saturation = await closedLoop(send, { ...base, durationMs: SATURATION_MS });
		const cpuAfter = cpuTimeMs(server.pid);
		const cpuMsPer1000 =
			cpuBefore === null || cpuAfter === null || saturation.answers === 0
				? null
				: ((cpuAfter - cpuBefore) / saturation.answers) * 1000;
		progress(`sync ${engine}: ${TARGET_ANSWERS_PER_SECOND} answers/s, ${TARGET_MS / 1000} s`);
		const target = await openLoop(send, {
			...base,
			durationMs: TARGET_MS,
			answersPerSecond: TARGET_ANSWERS_PER_SECOND
		});
		const memory = residentMemory(server.pid);
		return {
			engine,
			coldStartMs,
			saturation,
			cpuMsPer1000,
			target: { ...target, offeredAnswersPerSecond: TARGET_ANSWERS_PER_SECOND },
			rssMb: memory?.rssMb ?? null,
			peakRssMb: memory?.peakMb ?? null
		};
	} finally {
		await server.stop();
	}
}

async function benchSqlite(buildDir: string, lessons: readonly Lesson[], progress: Progress) {
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-bench-'));
	try {
		const database = await openDatabase({ dataDir });
		let code: string;
		try {
			code = await prepare(database, lessons);
		} finally {
			await database.close();
		}
		// Empty, not unset: the server would otherwise inherit the bench's own DATABASE_URL.
		const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
		return await measure('sqlite', buildDir, env, lessons, code, progress);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

/** The connection URL with every connection's search_path set to `schema`. */
export function withSearchPath(databaseUrl: string, schema: string): string {
	const url = new URL(databaseUrl);
	url.searchParams.set('options', `-c search_path=${schema}`);
	return url.toString();
}

async function benchPostgres(
	buildDir: string,
	databaseUrl: string,
	lessons: readonly Lesson[],
	progress: Progress
) {
	const schema = `qiraa_bench_${process.pid}_${Date.now()}`;
	const database = await openDatabase({ databaseUrl, schema });
	try {
		const code = await prepare(database, lessons);
		// The server finds its tables through the search_path, as an operator's own schema would.
		const env = {
			DATABASE_URL: withSearchPath(databaseUrl, schema),
			DATA_DIR: mkdtempSync(join(tmpdir(), 'qiraa-bench-'))
		};
		try {
			return await measure('postgres', buildDir, env, lessons, code, progress);
		} finally {
			rmSync(env.DATA_DIR, { recursive: true, force: true });
		}
	} finally {
		await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
		await database.close();
	}
}

/** The figures for one engine, with the budgets that apply to SQLite. */
export function syncFigures(result: SyncEngineResult): Figure[] {
	const name = result.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
	const budgeted = result.engine === 'sqlite';
	const { saturation, target } = result;
	const failures = saturation.failures + target.failures;
	return [
		figure(
			'sync',
			`${name} · answers/s, ${STUDENTS} students flat out`,
			round(saturation.answersPerSecond),
			'per-s',
			budgeted ? 'syncThroughput' : undefined,
			failures > 0 ? `${failures} batches not fully stored` : undefined
		),
		figure(
			'sync',
			`${name} · server CPU per 1,000 answers`,
			result.cpuMsPer1000 === null ? null : round(result.cpuMsPer1000, 1),
			'ms'
		),
		figure('sync', `${name} · p50 latency flat out`, round(saturation.p50Ms, 1), 'ms'),
		figure('sync', `${name} · p99 latency flat out`, round(saturation.p99Ms, 1), 'ms'),
		figure(
			'sync',
			`${name} · answers/s at ${target.offeredAnswersPerSecond} offered`,
			round(target.answersPerSecond),
			'per-s'
		),
		figure(
			'sync',
			`${name} · p50 latency at ${target.offeredAnswersPerSecond} answers/s`,
			round(target.p50Ms, 1),
			'ms'
		),
		figure(
			'sync',
			`${name} · p99 latency at ${target.offeredAnswersPerSecond} answers/s`,
			round(target.p99Ms, 1),
			'ms',
			budgeted ? 'syncP99' : undefined
		),
		figure(
			'sync',
			`${name} · server cold start (median)`,
			round(median(result.coldStartMs), 1),
			'ms'
		),
		figure(
			'sync',
			`${name} · server memory after the run (RSS)`,
			result.rssMb === null ? null : round(result.rssMb, 1),
			'MB'
		)
	];
}

/** Runs the sync bench on SQLite, and on PostgreSQL when a URL is given. */
export async function benchSync(
	buildDir: string,
	lessons: readonly Lesson[],
	databaseUrl: string | undefined,
	progress: Progress
): Promise<SyncEngineResult[]> {
	const results = [await benchSqlite(buildDir, lessons, progress)];
	if (databaseUrl) results.push(await benchPostgres(buildDir, databaseUrl, lessons, progress));
	return results;
}
