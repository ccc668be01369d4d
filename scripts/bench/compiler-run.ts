/**
 * One size of the compiler bench, in a process of its own: `node --expose-gc --import tsx
 * compiler-run.ts <count>` prints `{ lessons, ms, cpuMs, heapDeltaMb, peakRssMb }` as JSON.
 */
import { performance } from 'node:perf_hooks';
import { variants } from './compiler';
import { compileFiles, readLessonFiles } from './lessons';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
	process.stderr.write('usage: compiler-run.ts <count>\n');
	process.exit(2);
}

// Generated before the clock starts: the bench times the compiler, not the copying.
const sources = variants(readLessonFiles(), count);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
collect();
const heapBefore = process.memoryUsage().heapUsed;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const lessons = sources.map(compileFiles);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
collect();
const heapAfter = process.memoryUsage().heapUsed;
if (lessons.length !== count) throw new Error('not every lesson compiled');

process.stdout.write(
	JSON.stringify({
		lessons: lessons.length,
		ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		heapDeltaMb: (heapAfter - heapBefore) / 1024 / 1024,
		peakRssMb: process.resourceUsage().maxRSS / 1024
	}) + '\n'
);
