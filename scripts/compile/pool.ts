/**
 * Compiling many lessons at once, on worker threads (one per core), for the build and the
 * `lessons` CLI. The compiler itself stays pure in src/lib/lesson; this only spreads the work.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileLesson, type LessonProblem, type LessonSource } from '../../src/lib/lesson/index';

/** One lesson compiled: the lesson as JSON with its notes, or its problems. */
export type Compiled =
	{ ok: true; json: string; notes: LessonProblem[] } | { ok: false; problems: LessonProblem[] };

/**
 * Fewer lessons than this compile in this thread. A thread costs about 0.3 s of CPU to start (tsx
 * loading the compiler, `yaml` and valibot) and about as much again while its code warms up, and
 * a lesson takes about 15 ms: on two cores, two threads only win from about 150 lessons.
 */
export const MIN_LESSONS_FOR_THREADS = 200;

/** Lessons handed to a thread at a time: small batches keep the threads busy to the end. */
const BATCH = 4;

const WORKER = new URL('./worker.js', import.meta.url);

// A compile allocates a few megabytes (mostly `yaml`'s document) that live until it ends: with
// twice V8's default space for new objects, fewer of them are copied out by the collector. About
// 15% less CPU for 1,000 lessons, for up to 48 MB more memory per thread.
const YOUNG_GENERATION_MB = 96;

/** Compiles one lesson into what the threads send back: JSON, which crosses threads cheaply. */
export function compileToJson(source: LessonSource): Compiled {
	const result = compileLesson(source);
	return result.ok
		? { ok: true, json: JSON.stringify(result.lesson), notes: result.notes }
		: result;
}

/**
 * Compiles every source, on up to `threads` worker threads when there are enough of them.
 *
 * @returns one result per source, in the order of `sources`, whichever thread compiled it
 */
export async function compileMany(
	sources: readonly LessonSource[],
	threads = availableParallelism()
): Promise<Compiled[]> {
	const count = Math.min(threads, Math.ceil(sources.length / BATCH));
	if (sources.length < MIN_LESSONS_FOR_THREADS || count < 2) return sources.map(compileToJson);

	const results: Compiled[] = new Array(sources.length);
	const workers: Worker[] = [];
	let next = 0;
	const run = (worker: Worker) =>
		new Promise<void>((resolve, reject) => {
			let start = 0;
			const send = () => {
				if (next >= sources.length) {
					resolve();
					return;
				}
				start = next;
				next = Math.min(sources.length, next + BATCH);
				worker.postMessage(sources.slice(start, next));
			};
			worker.on('message', (compiled: Compiled[]) => {
				compiled.forEach((result, i) => (results[start + i] = result));
				send();
			});
			worker.on('error', reject);
			worker.on('exit', (code) =>
				reject(new Error(`a lesson compiler thread stopped early (exit code ${code})`))
			);
			send();
		});
	try {
		for (let i = 0; i < count; i++)
			workers.push(
				new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
			);
		await Promise.all(workers.map(run));
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
	return results;
}
