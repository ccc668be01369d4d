/**
 * The lesson store at scale (issue 13 item 5): the production server (`node build`) with 10, 100
 * and 1,000 shipped lessons (copies of the real ones, each with an id and an article of its own),
 * on SQLite and, when DATABASE_URL is set, on PostgreSQL (a schema of its own, dropped after).
 *
 * For each: the first start (every lesson new: compiled into the store), a later start (nothing
 * changed: files read and hashed, nothing compiled), the server's resident memory after that start
 * and again after it has served every page of the library and 100 lesson pages, and the time of
 * importing one lesson through `POST /api/lessons` with a teacher's session, as a script would.
 * The build itself reads no lesson (see BENCHMARKS.md), so it has no figure per size here.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { SESSION_COOKIE, createSession } from '../../src/lib/server/auth';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/connect';
import { variants } from './compiler';
import { figure, type Figure } from './figures';
import type { LessonFiles } from './lessons';
import { cpuTimeMs, residentMemory, startServer, type RunningServer } from './server';
import { median, percentile, round } from './stats';
import { withSearchPath } from './sync';

export const STORE_SIZES = [10, 100, 1000] as const;

/**
 * The sizes to run: STORE_SIZES, or the comma-separated counts of BENCH_STORE_SIZES (e.g. `10,100`
 * for a quick look while working on the store).
 */
export function storeSizes(setting = process.env.BENCH_STORE_SIZES): number[] {
	const sizes = (setting ?? '')
		.split(',')
		.map((size) => Number(size.trim()))
		.filter((size) => Number.isInteger(size) && size > 0);
	return sizes.length > 0 ? sizes : [...STORE_SIZES];
}
/** Lessons imported one after another on the running server. */
const IMPORTS = 20;
/** Distinct lesson pages served before memory is read again: more than the store's cache holds. */
const LESSON_PAGES = 100;
/** A first start compiles every lesson: on a loaded two-core machine, 1,000 take a while. */
const FIRST_START_TIMEOUT_MS = 600_000;
/** The library's page size (src/lib/server/lessons.ts). */
const PAGE_SIZE = 20;

export interface StoreRun {
	engine: 'sqlite' | 'postgres';
	lessons: number;
	/** Spawn to the first healthy answer with every lesson new (compiled at start). */
	firstStartMs: number;
	/** The same with nothing changed since. */
	laterStartMs: number;
	/** The server's CPU time by then: what the start costs, whatever else the machine runs. */
	laterStartCpuMs: number | null;
	/** After the later start, before any page was asked for. */
	rssAfterStartMb: number | null;
	/** After every library page (both languages) and LESSON_PAGES lesson pages. */
	rssAfterLibraryMb: number | null;
	peakRssMb: number | null;
	/** Median time of one library page. */
	libraryPageMs: number;
	/** Median time of one lesson page, each asked for once (not cached). */
	lessonPageMs: number;
	/** Each import's time, in order. */
	importMs: number[];
	/** The server's CPU time per import, over them all: steadier than `importMs` under load. */
	importCpuMs: number | null;
}

type Progress = (message: string) => void;

/** Writes `files` as lesson folders under `root`. */
function writeLessons(root: string, files: readonly LessonFiles[]): void {
	for (const lesson of files) {
		mkdirSync(join(root, lesson.dir), { recursive: true });
		writeFileSync(join(root, lesson.dir, 'lesson.yaml'), lesson.yaml);
		writeFileSync(join(root, lesson.dir, 'article.ar.txt'), lesson.article);
	}
}

/** A teacher and a session for them, written before the server opens the database. */
async function teacherSession(database: OpenDatabase): Promise<string> {
	const id = randomUUID();
	await database.db
		.insertInto('teachers')
		.values({
			id,
			email: `bench-${id}@qiraa.invalid`,
			name: 'Bench',
			// Nobody signs in with it: the bench holds a session.
			password_hash: 'none',
			created_at: new Date().toISOString()
		})
		.execute();
	return (await createSession(database.db, id)).token;
}

async function timed(url: string): Promise<number> {
	const started = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
	return performance.now() - started;
}

/** Every library page in both languages, then LESSON_PAGES lesson pages; the median times. */
async function serveLibrary(server: RunningServer, ids: readonly string[]) {
	const pages = Math.max(1, Math.ceil(ids.length / PAGE_SIZE));
	const library: number[] = [];
	for (const prefix of ['', '/en']) {
		for (let page = 1; page <= pages; page++) {
			library.push(await timed(`${server.origin}${prefix}/?page=${page}`));
		}
	}
	const lesson: number[] = [];
	for (const id of ids.slice(0, LESSON_PAGES)) {
		lesson.push(await timed(`${server.origin}/lessons/${id}`));
	}
	return { libraryPageMs: median(library), lessonPageMs: median(lesson) };
}

/** Imports each lesson through the API, one after another; each one's time. */
async function importAll(
	server: RunningServer,
	token: string,
	files: readonly LessonFiles[]
): Promise<number[]> {
	const times: number[] = [];
	for (const lesson of files) {
		const started = performance.now();
		const response = await fetch(`${server.origin}/api/lessons`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: server.origin,
				cookie: `${SESSION_COOKIE}=${token}`
			},
			body: JSON.stringify({ article: lesson.article, lesson: lesson.yaml })
		});
		const body = await response.text();
		times.push(performance.now() - started);
		if (response.status !== 201) throw new Error(`import answered ${response.status}: ${body}`);
	}
	return times;
}

interface Setting {
	buildDir: string;
	/** The real lessons' files, which the copies are made from. */
	files: readonly LessonFiles[];
	progress: Progress;
}

/** One engine at one size; `env` points the server at its database. */
async function measure(
	{ buildDir, files, progress }: Setting,
	engine: StoreRun['engine'],
	count: number,
	database: OpenDatabase,
	env: Record<string, string>
): Promise<StoreRun> {
	const root = mkdtempSync(join(tmpdir(), 'qiraa-store-bench-'));
	try {
		const lessons = join(root, 'lessons');
		const all = variants(files, count + IMPORTS);
		writeLessons(lessons, all.slice(0, count));
		const token = await teacherSession(database);
		// SQLite admits one process: the bench lets go before the server opens it.
		if (engine === 'sqlite') await database.close();
		const serverEnv = { ...env, LESSONS_DIR: lessons };
		const label = `store ${engine} ${count.toLocaleString('en-US')}`;

		progress(`${label}: first start (compiling every lesson)`);
		const first = await startServer(buildDir, serverEnv, FIRST_START_TIMEOUT_MS);
		await first.stop();

		progress(`${label}: later start`);
		const server = await startServer(buildDir, serverEnv);
		try {
			const afterStart = residentMemory(server.pid);
			const laterStartCpuMs = cpuTimeMs(server.pid);
			progress(`${label}: serving the library`);
			const pages = await serveLibrary(
				server,
				all.slice(0, count).map((lesson) => lesson.dir)
			);
			const afterLibrary = residentMemory(server.pid);
			progress(`${label}: importing ${IMPORTS} lessons`);
			const cpuBefore = cpuTimeMs(server.pid);
			const importMs = await importAll(server, token, all.slice(count));
			const cpuAfter = cpuTimeMs(server.pid);
			return {
				engine,
				lessons: count,
				firstStartMs: first.coldStartMs,
				laterStartMs: server.coldStartMs,
				laterStartCpuMs,
				rssAfterStartMb: afterStart?.rssMb ?? null,
				rssAfterLibraryMb: afterLibrary?.rssMb ?? null,
				peakRssMb: residentMemory(server.pid)?.peakMb ?? null,
				...pages,
				importMs,
				importCpuMs:
					cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / IMPORTS
			};
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/**
 * Runs every size on SQLite, then on PostgreSQL when `databaseUrl` is given.
 */
export async function benchStore(
	buildDir: string,
	files: readonly LessonFiles[],
	databaseUrl: string | undefined,
	progress: Progress,
	sizes: readonly number[] = STORE_SIZES
): Promise<StoreRun[]> {
	const setting: Setting = { buildDir, files, progress };
	const runs: StoreRun[] = [];
	for (const count of sizes) {
		const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-store-data-'));
		try {
			const database = await openDatabase({ dataDir });
			// Empty, not unset: the server would otherwise inherit the bench's own DATABASE_URL.
			runs.push(
				await measure(setting, 'sqlite', count, database, { DATA_DIR: dataDir, DATABASE_URL: '' })
			);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
		if (!databaseUrl) continue;
		const schema = `qiraa_bench_store_${process.pid}_${Date.now()}`;
		const database = await openDatabase({ databaseUrl, schema });
		const pgDataDir = mkdtempSync(join(tmpdir(), 'qiraa-store-data-'));
		try {
			const env = { DATABASE_URL: withSearchPath(databaseUrl, schema), DATA_DIR: pgDataDir };
			runs.push(await measure(setting, 'postgres', count, database, env));
		} finally {
			await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
			await database.close();
			rmSync(pgDataDir, { recursive: true, force: true });
		}
	}
	return runs;
}

/** The figures of every run: the budgets apply on both engines. */
export function storeFigures(runs: readonly StoreRun[]): Figure[] {
	return runs.flatMap((run) => {
		const engine = run.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
		const name = `${engine} · ${run.lessons.toLocaleString('en-US')} lessons`;
		const f = (
			what: string,
			value: number | null,
			unit: 'ms' | 'MB',
			budget?: 'storeStart' | 'storeRss' | 'storeImport',
			note?: string
		) =>
			figure(
				'store',
				`${name} · ${what}`,
				value === null ? null : round(value, 1),
				unit,
				budget,
				note
			);
		return [
			f('later start', run.laterStartMs, 'ms', 'storeStart'),
			f('later start, server CPU', run.laterStartCpuMs, 'ms'),
			f(
				'first start',
				run.firstStartMs,
				'ms',
				undefined,
				'compiles every lesson: not held to the 2 s of a start'
			),
			f('RSS after start', run.rssAfterStartMb, 'MB', 'storeRss'),
			f('RSS after serving the library', run.rssAfterLibraryMb, 'MB', 'storeRss'),
			f('library page, median', run.libraryPageMs, 'ms'),
			f('lesson page, median', run.lessonPageMs, 'ms'),
			f('import one lesson, median', median(run.importMs), 'ms', 'storeImport'),
			f('import one lesson, p95', percentile(run.importMs, 95), 'ms', 'storeImport'),
			f('import one lesson, server CPU (mean)', run.importCpuMs, 'ms'),
			f(
				'import one lesson, slowest',
				Math.max(...run.importMs),
				'ms',
				undefined,
				`of ${run.importMs.length}, through POST /api/lessons`
			)
		];
	});
}
