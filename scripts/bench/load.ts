/**
 * Load shapes for the sync bench, independent of HTTP so they can be tested with a fake sender.
 *
 * - Closed loop: every student sends a batch as soon as the previous one is answered. That finds
 *   the most answers per second the server can take; latency there is mostly queueing.
 * - Open loop: the students together offer a fixed rate of answers, each student sending its
 *   batches one after another as a device's outbox does. Latency is counted from when a batch was
 *   due, not from when it went out, so a slow server cannot hide its queue by slowing the senders
 *   down (coordinated omission).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { between } from './answers';
import { percentile } from './stats';

/** Sends one batch of `size` answers for student `student`; resolves to how many were stored. */
export type Send = (student: number, size: number) => Promise<number>;

export interface LoadOptions {
	students: number;
	/** Batch sizes are drawn uniformly from this range. */
	batch: { min: number; max: number };
	/** Stop starting new batches after this long. */
	durationMs: number;
	/** And never send more than this many batches per student, whatever the time. */
	maxBatchesPerStudent: number;
	random: () => number;
}

export interface LoadResult {
	batches: number;
	/** Answers the server stored. */
	answers: number;
	/** Batches that failed (an HTTP error, or items not stored). */
	failures: number;
	elapsedMs: number;
	answersPerSecond: number;
	/** Per batch, in milliseconds. */
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

function summarise(
	latencies: number[],
	answers: number,
	failures: number,
	elapsedMs: number
): LoadResult {
	return {
		batches: latencies.length,
		answers,
		failures,
		elapsedMs,
		answersPerSecond: elapsedMs > 0 ? (answers / elapsedMs) * 1000 : 0,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		maxMs: latencies.length > 0 ? Math.max(...latencies) : Number.NaN
	};
}

/** Every student sends back to back until the time or the batch cap runs out. */
export async function closedLoop(send: Send, options: LoadOptions): Promise<LoadResult> {
	const latencies: number[] = [];
	let answers = 0;
	let failures = 0;
	const started = performance.now();
	const deadline = started + options.durationMs;
	await Promise.all(
		Array.from({ length: options.students }, async (_, student) => {
			for (let n = 0; n < options.maxBatchesPerStudent && performance.now() < deadline; n++) {
				const size = between(options.random, options.batch.min, options.batch.max);
				const sent = performance.now();
				try {
					const stored = await send(student, size);
					answers += stored;
					if (stored !== size) failures++;
				} catch {
					failures++;
				}
				latencies.push(performance.now() - sent);
			}
		})
	);
	return summarise(latencies, answers, failures, performance.now() - started);
}

/**
 * The students together offer `answersPerSecond`; each student's next batch is due when its last
 * batch's answers have been "spent" at its share of the rate. Students start spread over one
 * interval so they do not all send in the same millisecond.
 */
export async function openLoop(
	send: Send,
	options: LoadOptions & { answersPerSecond: number }
): Promise<LoadResult> {
	const latencies: number[] = [];
	let answers = 0;
	let failures = 0;
	const perStudentMsPerAnswer = (options.students * 1000) / options.answersPerSecond;
	const meanBatch = (options.batch.min + options.batch.max) / 2;
	const started = performance.now();
	const deadline = started + options.durationMs;
	await Promise.all(
		Array.from({ length: options.students }, async (_, student) => {
			let due = started + (student / options.students) * meanBatch * perStudentMsPerAnswer;
			for (let n = 0; n < options.maxBatchesPerStudent && due < deadline; n++) {
				const size = between(options.random, options.batch.min, options.batch.max);
				const wait = due - performance.now();
				if (wait > 0) await sleep(wait);
				try {
					const stored = await send(student, size);
					answers += stored;
					if (stored !== size) failures++;
				} catch {
					failures++;
				}
				latencies.push(performance.now() - due);
				due += size * perStudentMsPerAnswer;
			}
		})
	);
	return summarise(latencies, answers, failures, performance.now() - started);
}
