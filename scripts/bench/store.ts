/**
 * `npx tsx scripts/bench/store.ts [10,100,1000]`: the lesson store at 10, 100 and 1,000 lessons
 * (copies of the real ones, each distinct), on SQLite and, when DATABASE_URL or TEST_DATABASE_URL
 * is set, PostgreSQL: the shipped lessons' sync at a first start (everything compiled) and at a
 * later one (nothing changed: files read and hashed only), the process's RSS after, and the time
 * to import one more lesson. Not yet wired into `npm run bench`'s table.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../../src/lib/server/db/connect';
import { importLesson } from '../../src/lib/server/lessons';
import { syncShippedLessons } from '../../src/lib/server/shipped-lessons';
import { makeTeacher } from '../../src/lib/server/services.fixture';
import { variants } from './compiler';
import { readLessonFiles } from './lessons';

const sizes = (process.argv[2] ?? '10,100,1000').split(',').map(Number);
const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function run(engine: 'sqlite' | 'postgres', count: number) {
	const root = mkdtempSync(join(tmpdir(), 'qiraa-store-bench-'));
	const lessons = join(root, 'lessons');
	const all = variants(readLessonFiles(), count + 5);
	for (const files of all.slice(0, count)) {
		mkdirSync(join(lessons, files.dir), { recursive: true });
		writeFileSync(join(lessons, files.dir, 'lesson.yaml'), files.yaml);
		writeFileSync(join(lessons, files.dir, 'article.ar.txt'), files.article);
	}
	const schema = `qiraa_bench_${randomBytes(4).toString('hex')}`;
	const open = () =>
		engine === 'postgres'
			? openDatabase({ databaseUrl: pgUrl, schema })
			: openDatabase({ dataDir: join(root, 'data') });
	let opened = await open();
	let start = performance.now();
	await syncShippedLessons(opened.db, lessons, root);
	const cold = performance.now() - start;
	await opened.close();
	start = performance.now();
	opened = await open();
	await syncShippedLessons(opened.db, lessons, root);
	const warm = performance.now() - start;
	const rss = process.memoryUsage().rss;
	const teacher = await makeTeacher(opened.db);
	const times: number[] = [];
	for (const files of all.slice(count)) {
		const t = performance.now();
		await importLesson(opened.db, teacher.id, { article: files.article, lesson: files.yaml });
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	if (engine === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(opened.db);
	await opened.close();
	rmSync(root, { recursive: true, force: true });
	return { engine, count, cold, warm, rss, importMedian: times[Math.floor(times.length / 2)]! };
}

const engines: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
for (const count of sizes) {
	for (const engine of engines) {
		const r = await run(engine, count);
		process.stdout.write(
			`${r.engine}\t${r.count} lessons\tfirst start sync ${ms(r.cold)}\tlater start (open + sync) ${ms(r.warm)}\tRSS ${mb(r.rss)}\timport one ${ms(r.importMedian)} (goal <= 200 ms)\n`
		);
	}
}
