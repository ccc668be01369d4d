import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { randomSource } from './answers';
import { closedLoop, openLoop, type Send } from './load';

const options = {
	students: 4,
	batch: { min: 5, max: 20 },
	durationMs: 300,
	maxBatchesPerStudent: 1000,
	random: randomSource(1)
};

describe('closedLoop', () => {
	it('keeps every student sending until the time runs out, and counts what was stored', async () => {
		let inFlight = 0;
		let most = 0;
		const send: Send = async (_student, size) => {
			most = Math.max(most, ++inFlight);
			await sleep(10);
			inFlight--;
			return size;
		};
		const result = await closedLoop(send, options);
		expect(most).toBe(4);
		expect(result.failures).toBe(0);
		expect(result.batches).toBeGreaterThan(20);
		expect(result.answers).toBeGreaterThanOrEqual(result.batches * 5);
		expect(result.p50Ms).toBeGreaterThanOrEqual(9);
	});

	it('stops at the batch cap and counts refusals and errors as failures', async () => {
		let calls = 0;
		const send: Send = async (_student, size) => {
			calls++;
			if (calls % 2 === 0) throw new Error('network');
			return size - 1;
		};
		const result = await closedLoop(send, { ...options, maxBatchesPerStudent: 3 });
		expect(result.batches).toBe(12);
		expect(result.failures).toBe(12);
	});
});

describe('openLoop', () => {
	it('offers the rate asked for and no more', async () => {
		let answers = 0;
		const send: Send = async (_student, size) => {
			answers += size;
			return size;
		};
		const result = await openLoop(send, { ...options, durationMs: 500, answersPerSecond: 400 });
		// 400 answers/s for half a second is about 200 answers; batches are whole, so allow a margin.
		expect(answers).toBeGreaterThan(120);
		expect(answers).toBeLessThan(300);
		// Only timer lateness: far below the time between batches, even on a busy machine.
		expect(result.p99Ms).toBeLessThan(250);
	});

	it('counts latency from when a batch was due, so a slow server cannot hide its queue', async () => {
		const send: Send = async (_student, size) => {
			await sleep(60);
			return size;
		};
		const result = await openLoop(send, {
			...options,
			students: 1,
			durationMs: 200,
			answersPerSecond: 1000
		});
		// Batches are due every 5–20 ms but each takes 60 ms: later ones wait ever longer.
		expect(result.maxMs).toBeGreaterThan(120);
	});
});
