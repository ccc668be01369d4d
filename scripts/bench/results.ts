/**
 * The results-page bench: a class of 40, 200 and 1,000 students who each answered every question
 * of the longest real lesson (a quarter of them twice), on SQLite and, when DATABASE_URL is set,
 * on PostgreSQL. It measures the teacher's results page of the production server: server CPU per
 * render, one at a time; latency with 40 requests at once; and /healthz's latency meanwhile,
 * which shows whether rendering results holds up everything else the server does.
 *
 * The class and its answers are written straight into the database before the server starts,
 * with the grades `$lib/quiz` gives; the teacher's session is made the way sign-in makes it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Lesson } from '../../src/lib/lesson';
import { grade, keyAnswer } from '../../src/lib/quiz';
import { createSession } from '../../src/lib/server/auth';
import { createClass } from '../../src/lib/server/classes';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/connect';
import { hashToken, newToken } from '../../src/lib/server/tokens';
import { randomSource, wrongAnswer } from './answers';
import { figure, type Figure } from './figures';
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
const SEQUENTIAL = 20;
const CONCURRENT = 40;
const LOAD_MS = 5_000;
const HEALTH_EVERY_MS = 20;

export interface ResultsRun {
	engine: 'sqlite' | 'postgres';
	students: number;
	questions: number;
	answers: number;
	/** Server CPU per render, renders one at a time. */
	cpuMsPerRender: number | null;
	/** Latency of one render at a time. */
	p50Ms: number;
	/** Under CONCURRENT requests at once. */
	loadP50Ms: number;
	loadP99Ms: number;
	rendersPerSecond: number;
	/** /healthz while the results page is under load. */
	healthP50Ms: number;
	healthP99Ms: number;
	failures: number;
}

type Progress = (message: string) => void;

/** The class, its answers and a teacher session; returns the page's path and the cookie. */
async function prepare(database: OpenDatabase, lesson: Lesson, students: number) {
	const { db } = database;
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
		answers += rows.length;
	}
	return {
		path: `/en/teach/classes/${classInfo.id}/lessons/${lesson.id}`,
		cookie: `qiraa_session=${token}`,
		answers
	};
}

async function timed(url: string, cookie?: string): Promise<{ ms: number; ok: boolean }> {
	const started = performance.now();
	try {
		const response = await fetch(url, cookie ? { headers: { cookie } } : {});
		await response.arrayBuffer();
		return { ms: performance.now() - started, ok: response.status === 200 };
	} catch {
		return { ms: performance.now() - started, ok: false };
	}
}

async function measure(
	engine: 'sqlite' | 'postgres',
	buildDir: string,
	env: Record<string, string>,
	page: { path: string; cookie: string; answers: number },
	students: number,
	questions: number,
	progress: Progress
): Promise<ResultsRun> {
	const server = await startServer(buildDir, env);
	try {
		const url = `${server.origin}${page.path}`;
		let failures = 0;
		progress(`results ${engine} ${students}: warming up`);
		for (let i = 0; i < 5; i++) {
			const { ok } = await timed(url, page.cookie);
			if (!ok) throw new Error(`results page ${url} did not answer 200`);
		}
		progress(`results ${engine} ${students}: ${SEQUENTIAL} renders one at a time`);
		const cpuBefore = cpuTimeMs(server.pid);
		const single: number[] = [];
		for (let i = 0; i < SEQUENTIAL; i++) {
			const { ms, ok } = await timed(url, page.cookie);
			single.push(ms);
			if (!ok) failures++;
		}
		const cpuAfter = cpuTimeMs(server.pid);
		progress(`results ${engine} ${students}: ${CONCURRENT} at once, with /healthz`);
		const load: number[] = [];
		const health: number[] = [];
		const end = performance.now() + LOAD_MS;
		const worker = async () => {
			while (performance.now() < end) {
				const { ms, ok } = await timed(url, page.cookie);
				load.push(ms);
				if (!ok) failures++;
			}
		};
		const pinger = async () => {
			while (performance.now() < end) {
				const { ms, ok } = await timed(`${server.origin}/healthz`);
				health.push(ms);
				if (!ok) failures++;
				await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
			}
		};
		const started = performance.now();
		await Promise.all([...Array.from({ length: CONCURRENT }, worker), pinger()]);
		const seconds = (performance.now() - started) / 1000;
		return {
			engine,
			students,
			questions,
			answers: page.answers,
			cpuMsPerRender:
				cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / SEQUENTIAL,
			p50Ms: median(single),
			loadP50Ms: median(load),
			loadP99Ms: percentile(load, 99),
			rendersPerSecond: load.length / seconds,
			healthP50Ms: median(health),
			healthP99Ms: percentile(health, 99),
			failures
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
		try {
			page = await prepare(database, lesson, students);
		} finally {
			await database.close();
		}
		const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
		return await measure(
			'sqlite',
			buildDir,
			env,
			page,
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
		const env = { DATABASE_URL: withSearchPath(databaseUrl, schema), DATA_DIR: dataDir };
		return await measure(
			'postgres',
			buildDir,
			env,
			page,
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
				`${name} · server CPU per render`,
				run.cpuMsPerRender === null ? null : round(run.cpuMsPerRender, 2),
				'ms',
				budgeted ? 'resultsCpu' : undefined,
				note
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
