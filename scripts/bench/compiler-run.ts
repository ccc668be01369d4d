/**
 * One size of the compiler bench, in a process of its own: `node --expose-gc --import tsx
 * compiler-run.ts <count>` prints `{ lessons, ms, cpuMs, heapDeltaMb, peakRssMb }` as JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lessonFolders, lessonsModule } from '../compile/folders';
import { variants } from './compiler';
import { readLessonFiles } from './lessons';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
	process.stderr.write('usage: compiler-run.ts <count>\n');
	process.exit(2);
}

// Written before the clock starts: the bench times the build's compile, not the copying.
const base = mkdtempSync(join(tmpdir(), 'qiraa-bench-lessons-'));
const root = join(base, 'lessons');
for (const lesson of variants(readLessonFiles(), count)) {
	mkdirSync(join(root, lesson.dir), { recursive: true });
	writeFileSync(join(root, lesson.dir, 'lesson.yaml'), lesson.yaml);
	writeFileSync(join(root, lesson.dir, 'article.ar.txt'), lesson.article);
}
try {
	const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
	collect();
	const heapBefore = process.memoryUsage().heapUsed;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	// What the build's `virtual:lessons` does: read every folder, compile (on worker threads),
	// and make the module the server is built with. It throws if any lesson is invalid.
	const module = await lessonsModule(root, base);
	const ms = performance.now() - started;
	// The whole process: this thread and the compiler threads.
	const cpu = process.cpuUsage(cpuBefore);
	collect();
	const heapAfter = process.memoryUsage().heapUsed;
	if (lessonFolders(root).length !== count || module.length === 0) {
		throw new Error('not every lesson compiled');
	}
	process.stdout.write(
		JSON.stringify({
			lessons: count,
			ms,
			cpuMs: (cpu.user + cpu.system) / 1000,
			heapDeltaMb: (heapAfter - heapBefore) / 1024 / 1024,
			peakRssMb: process.resourceUsage().maxRSS / 1024
		}) + '\n'
	);
} finally {
	rmSync(base, { recursive: true, force: true });
}
