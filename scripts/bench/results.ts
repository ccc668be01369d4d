/**
 * The results-page bench: a class of 40, 200 and 1,000 students who each answered every question
 * of the longest real lesson (a quarter of them twice), on SQLite and, when DATABASE_URL (or
 * TEST_DATABASE_URL) is set, on PostgreSQL. It measures the page's data alone (what its `load`
 * asks of the database and the matrix, called in a loop in this process: CPU and wall time per
 * call, median and p95), then the whole results page from the production server: the server's
 * time per render, one at a time, from its own `Server-Timing` header (SERVER_TIMING set: CPU
 * time of the server process, and wall time, per request; median and p95), with the CPU from
 * /proc over the same renders as a cross-check; latency with 40 requests at once; and /healthz's
 * latency meanwhile (pinged from a thread and connection of its own, `pinger.ts`), which shows
 * whether rendering results holds up everything else the server
 * does. The page's HTML is weighed as rendered and as brotli at the server's quality.
 *
 * The class and its answers are written straight into the database before the server starts,
 * with the grades `$lib/quiz` gives; the teacher's session is made the way sign-in makes it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { sql } from 'kysely';
import type { Lesson } from '../../src/lib/lesson';
import { grade, keyAnswer } from '../../src/lib/quiz';
import { createSession } from '../../src/lib/server/auth';
import { createClass } from '../../src/lib/server/classes';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/connect';
import { refreshResultRows } from '../../src/lib/server/result-rows';
import { resultsPage } from '../../src/lib/server/results-page';
import { syncShippedLessons } from '../../src/lib/server/shipped-lessons';
import { hashToken, newToken } from '../../src/lib/server/tokens';
import { randomSource, wrongAnswer } from './answers';
import { figure, type Figure } from './figures';
import { startPinger } from './pinger';
import { cpuTimeMs, startServer } from './server';
import { median, percentile, round } from './stats';
import { withSearchPath } from './sync';

export const CLASS_SIZES = [40, 200, 1000] as const;

/** The class sizes to run: BENCH_CLASS_SIZES (e.g. `40,200`) picks some, for a quicker run. */
export function classSizes(setting = process.env.BENCH_CLASS_SIZES): number[] {
	const picked = (setting ?? '')
		.split(',')
		.map(Number)
		.filter((size) => Number.isInteger(size) && size > 0);
	return picked.length > 0 ? picked : [...CLASS_SIZES];
}
const SEQUENTIAL = 40;
const IN_PROCESS = 100;
const CONCURRENT = 40;
const LOAD_MS = 5_000;
const HEALTH_EVERY_MS = 20;

export interface ResultsRun {
	engine: 'sqlite' | 'postgres';
	students: number;
	questions: number;
	answers: number;
	/** Server CPU per render from /proc, renders one at a time: the mean. */
	cpuMsPerRender: number | null;
	/** The server's own timing per render (Server-Timing), renders one at a time. */
	serverCpuP50Ms: number;
	serverCpuP95Ms: number;
	serverWallP50Ms: number;
	serverWallP95Ms: number;
	/** Latency of one render at a time. */
	p50Ms: number;
	/** Under CONCURRENT requests at once. */
	loadP50Ms: number;
	loadP99Ms: number;
	rendersPerSecond: number;
	/** The page's HTML as rendered, and brotli at the server's quality. */
	htmlBytes: number;
	htmlBrotliBytes: number;
	/** /healthz while the results page is under load. */
	healthP50Ms: number;
	healthP99Ms: number;
	failures: number;
	/** The page's data alone, computed in the bench's process. */
	data: DataTiming;
}

type Progress = (message: string) => void;

/** The class `prepare` wrote. */
type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The page's data, computed in this process: per call, CPU and wall time in ms. */
interface DataTiming {
	cpuP50Ms: number;
	cpuP95Ms: number;
	wallP50Ms: number;
	wallP95Ms: number;
}

/**
 * What the results page's `load` asks of the database and the matrix (`resultsPage`: the results
 * cut to the page's view, and the accepted answers), called IN_PROCESS times in a loop in this process, after a warm-up: the
 * cost of the data alone, without rendering the HTML.
 */
async function dataTiming(db: OpenDatabase['db'], page: Prepared): Promise<DataTiming> {
	const call = () => resultsPage(db, page.teacherId, page.classId, page.lessonId, 'en');
	for (let i = 0; i < 5; i++) await call();
	const cpu: number[] = [];
	const wall: number[] = [];
	for (let i = 0; i < IN_PROCESS; i++) {
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		await call();
		wall.push(performance.now() - started);
		const used = process.cpuUsage(cpuBefore);
		cpu.push((used.user + used.system) / 1000);
	}
	return {
		cpuP50Ms: median(cpu),
		cpuP95Ms: percentile(cpu, 95),
		wallP50Ms: median(wall),
		wallP95Ms: percentile(wall, 95)
	};
}

/** The class, its answers and a teacher session; returns the page's path and the cookie. */
export async function prepare(database: OpenDatabase, lesson: Lesson, students: number) {
	const { db } = database;
	// The lesson store, as the server fills it when it starts: the data is timed here first.
	await syncShippedLessons(db, 'lessons');
	const teacherId = randomUUID();
	const now = new Date();
	await db
		.insertInto('teachers')
		.values({
			id: teacherId,
			email: `bench-${teacherId}@qiraa.invalid`,
			name: 'Bench',
			password_hash: 'none',
			created_at: now.toISOString()
		})
		.execute();
	const { token } = await createSession(db, teacherId);
	const classInfo = await createClass(db, teacherId, { name: 'Bench 7B' });
	await db
		.insertInto('assignments')
		.values({
			class_id: classInfo.id,
			lesson_id: lesson.id,
			due_date: null,
			created_at: now.toISOString()
		})
		.execute();
	const random = randomSource(5);
	let answers = 0;
	for (let s = 0; s < students; s++) {
		const studentId = randomUUID();
		await db
			.insertInto('students')
			.values({
				id: studentId,
				class_id: classInfo.id,
				display_name: `Student ${s + 1}`,
				token_hash: hashToken(newToken()),
				created_at: now.toISOString()
			})
			.execute();
		const rows = [];
		let batchIndex = 0;
		for (const question of lesson.questions) {
			const tries = random() < 0.25 ? 2 : 1;
			for (let t = 0; t < tries; t++) {
				const lang = random() < 0.5 ? 'ar' : 'en';
				const answer =
					t === tries - 1 && random() < 0.7
						? keyAnswer(question, lesson.paragraphs, lang)
						: wrongAnswer(question, lesson, lang);
				const { correct, score } = grade(question, answer, lesson.paragraphs);
				const at = new Date(now.getTime() + s * 1000 + batchIndex).toISOString();
				rows.push({
					id: randomUUID(),
					student_id: studentId,
					lesson_id: lesson.id,
					lesson_version: lesson.version,
					question_id: question.id,
					answer: JSON.stringify(answer),
					correct: correct ? 1 : 0,
					score,
					answered_at: at,
					received_at: at,
					batch_index: batchIndex++
				});
			}
		}
		await db.insertInto('attempts').values(rows).execute();
		// The results' summary row, as sync keeps it when answers arrive.
		await refreshResultRows(db, [studentId], lesson.id);
		answers += rows.length;
	}
	return {
		teacherId,
		classId: classInfo.id,
		lessonId: lesson.id,
		path: `/en/teach/classes/${classInfo.id}/lessons/${lesson.id}`,
		cookie: `qiraa_session=${token}`,
		answers
	};
}

/** A `Server-Timing` header's durations by name (`cpu;dur=1.2, app;dur=3.4`). */
export function serverTimings(header: string | null): Record<string, number> {
	const found: Record<string, number> = {};
	for (const entry of (header ?? '').split(',')) {
		const [name, ...params] = entry.trim().split(';');
		const dur = params.find((param) => param.trim().startsWith('dur='));
		if (name && dur) found[name] = Number(dur.trim().slice(4));
	}
	return found;
}

async function timed(
	url: string,
	cookie?: string
): Promise<{ ms: number; ok: boolean; server: Record<string, number>; body?: Buffer }> {
	const started = performance.now();
	try {
		const response = await fetch(url, cookie ? { headers: { cookie } } : {});
		const body = Buffer.from(await response.arrayBuffer());
		return {
			ms: performance.now() - started,
			ok: response.status === 200,
			server: serverTimings(response.headers.get('server-timing')),
			body
		};
	} catch {
		return { ms: performance.now() - started, ok: false, server: {} };
	}
}

async function measure(
	engine: 'sqlite' | 'postgres',
	buildDir: string,
	env: Record<string, string>,
	page: Prepared,
	data: DataTiming,
	students: number,
	questions: number,
	progress: Progress
): Promise<ResultsRun> {
	const server = await startServer(buildDir, { ...env, SERVER_TIMING: '1' });
	try {
		const url = `${server.origin}${page.path}`;
		let failures = 0;
		progress(`results ${engine} ${students}: warming up`);
		let html: Buffer = Buffer.alloc(0);
		for (let i = 0; i < 5; i++) {
			const { ok, body } = await timed(url, page.cookie);
			if (!ok || !body) throw new Error(`results page ${url} did not answer 200`);
			html = body;
		}
		// The fetch undoes the server's compression: this is the HTML as rendered.
		const htmlBrotliBytes = brotliCompressSync(html, {
			params: { [constants.BROTLI_PARAM_QUALITY]: 5 }
		}).byteLength;
		progress(`results ${engine} ${students}: ${SEQUENTIAL} renders one at a time`);
		const cpuBefore = cpuTimeMs(server.pid);
		const single: number[] = [];
		const serverCpu: number[] = [];
		const serverWall: number[] = [];
		for (let i = 0; i < SEQUENTIAL; i++) {
			const { ms, ok, server: timing } = await timed(url, page.cookie);
			single.push(ms);
			if (!ok) failures++;
			if (timing.cpu === undefined || timing.app === undefined) {
				throw new Error('The server sent no Server-Timing header (is SERVER_TIMING set?)');
			}
			serverCpu.push(timing.cpu);
			serverWall.push(timing.app);
		}
		const cpuAfter = cpuTimeMs(server.pid);
		progress(`results ${engine} ${students}: ${CONCURRENT} at once, with /healthz`);
		const load: number[] = [];
		// The pinger's connection is open before the load starts, so its setup is not counted.
		const pinger = await startPinger(`${server.origin}/healthz`, LOAD_MS, HEALTH_EVERY_MS);
		const end = performance.now() + LOAD_MS;
		const worker = async () => {
			while (performance.now() < end) {
				const { ms, ok } = await timed(url, page.cookie);
				load.push(ms);
				if (!ok) failures++;
			}
		};
		const started = performance.now();
		const [pings] = await Promise.all([pinger.done, ...Array.from({ length: CONCURRENT }, worker)]);
		const health = pings.latenciesMs;
		failures += pings.failures;
		const seconds = (performance.now() - started) / 1000;
		return {
			engine,
			students,
			questions,
			answers: page.answers,
			cpuMsPerRender:
				cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / SEQUENTIAL,
			serverCpuP50Ms: median(serverCpu),
			serverCpuP95Ms: percentile(serverCpu, 95),
			serverWallP50Ms: median(serverWall),
			serverWallP95Ms: percentile(serverWall, 95),
			p50Ms: median(single),
			loadP50Ms: median(load),
			loadP99Ms: percentile(load, 99),
			rendersPerSecond: load.length / seconds,
			htmlBytes: html.byteLength,
			htmlBrotliBytes,
			healthP50Ms: median(health),
			healthP99Ms: percentile(health, 99),
			failures,
			data
		};
	} finally {
		await server.stop();
	}
}

async function runSqlite(buildDir: string, lesson: Lesson, students: number, progress: Progress) {
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-bench-'));
	try {
		progress(`results sqlite ${students}: writing the class`);
		const database = await openDatabase({ dataDir });
		let page;
		let data;
		try {
			page = await prepare(database, lesson, students);
			progress(`results sqlite ${students}: the page's data, ${IN_PROCESS} times in process`);
			data = await dataTiming(database.db, page);
		} finally {
			// The server opens the file for itself alone.
			await database.close();
		}
		const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
		return await measure(
			'sqlite',
			buildDir,
			env,
			page,
			data,
			students,
			lesson.questions.length,
			progress
		);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

async function runPostgres(
	buildDir: string,
	databaseUrl: string,
	lesson: Lesson,
	students: number,
	progress: Progress
) {
	const schema = `qiraa_bench_results_${process.pid}_${Date.now()}`;
	const database = await openDatabase({ databaseUrl, schema });
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-bench-'));
	try {
		progress(`results postgres ${students}: writing the class`);
		const page = await prepare(database, lesson, students);
		progress(`results postgres ${students}: the page's data, ${IN_PROCESS} times in process`);
		const data = await dataTiming(database.db, page);
		const env = { DATABASE_URL: withSearchPath(databaseUrl, schema), DATA_DIR: dataDir };
		return await measure(
			'postgres',
			buildDir,
			env,
			page,
			data,
			students,
			lesson.questions.length,
			progress
		);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
		await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
		await database.close();
	}
}

/** Runs every class size on SQLite, and on PostgreSQL when a URL is given. */
export async function benchResults(
	buildDir: string,
	lessons: readonly Lesson[],
	databaseUrl: string | undefined,
	progress: Progress,
	sizes: readonly number[] = classSizes()
): Promise<ResultsRun[]> {
	const lesson = [...lessons].sort((a, b) => b.questions.length - a.questions.length)[0];
	if (!lesson) throw new Error('No lessons to bench the results page with');
	const runs: ResultsRun[] = [];
	for (const students of sizes) runs.push(await runSqlite(buildDir, lesson, students, progress));
	if (databaseUrl) {
		for (const students of sizes) {
			runs.push(await runPostgres(buildDir, databaseUrl, lesson, students, progress));
		}
	}
	return runs;
}

/** The figures of the runs; the budgets apply to a class of 40. */
export function resultsFigures(runs: readonly ResultsRun[]): Figure[] {
	return runs.flatMap((run) => {
		const name = `${run.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} · ${run.students} students × ${run.questions} questions`;
		const budgeted = run.students === 40;
		const note = run.failures > 0 ? `${run.failures} requests failed` : undefined;
		return [
			figure(
				'results',
				`${name} · the page's HTML`,
				run.htmlBytes,
				'bytes',
				undefined,
				`${round(run.htmlBrotliBytes / 1024, 1)} KB brotli`
			),
			figure(
				'results',
				`${name} · the page's data (in process), CPU median`,
				round(run.data.cpuP50Ms, 2),
				'ms',
				budgeted ? 'resultsCpu' : undefined,
				`p95 ${round(run.data.cpuP95Ms, 2)} ms; wall median ${round(run.data.wallP50Ms, 2)}, p95 ${round(run.data.wallP95Ms, 2)} ms`
			),
			figure(
				'results',
				`${name} · whole page, server CPU per render, median`,
				round(run.serverCpuP50Ms, 2),
				'ms',
				undefined,
				note
			),
			figure(
				'results',
				`${name} · whole page, server CPU per render, p95`,
				round(run.serverCpuP95Ms, 2),
				'ms'
			),
			figure(
				'results',
				`${name} · whole page, server wall time per render, median`,
				round(run.serverWallP50Ms, 1),
				'ms',
				undefined,
				`p95 ${round(run.serverWallP95Ms, 1)} ms`
			),
			figure(
				'results',
				`${name} · whole page, server CPU per render, /proc mean`,
				run.cpuMsPerRender === null ? null : round(run.cpuMsPerRender, 2),
				'ms'
			),
			figure('results', `${name} · p50 one at a time`, round(run.p50Ms, 1), 'ms'),
			figure('results', `${name} · p99, ${CONCURRENT} at once`, round(run.loadP99Ms, 1), 'ms'),
			figure(
				'results',
				`${name} · renders/s, ${CONCURRENT} at once`,
				round(run.rendersPerSecond),
				'per-s'
			),
			figure(
				'results',
				`${name} · /healthz p99 meanwhile`,
				round(run.healthP99Ms, 1),
				'ms',
				budgeted ? 'resultsHealthP99' : undefined
			)
		];
	});
}
