import { describe, expect, it } from 'vitest';
import { createTurns } from './turns';

/** A promise with its resolve and reject, to finish a task when the test says so. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createTurns', () => {
	it('runs tasks in the order they came and settles each with its own result', async () => {
		const turns = createTurns(2);
		const started: string[] = [];
		const task = (name: string) =>
			turns.run(async () => {
				started.push(name);
				return name.toUpperCase();
			});
		await expect(Promise.all([task('a'), task('b'), task('c'), task('d')])).resolves.toEqual([
			'A',
			'B',
			'C',
			'D'
		]);
		expect(started).toEqual(['a', 'b', 'c', 'd']);
	});

	it('never runs more than the limit at once, and starts the next when one ends', async () => {
		const turns = createTurns(2);
		const gates = [deferred(), deferred(), deferred()];
		const started: number[] = [];
		const runs = gates.map((gate, index) =>
			turns.run(async () => {
				started.push(index);
				await gate.promise;
			})
		);
		for (let i = 0; i < 5; i++) await nextTurn();
		expect(started).toEqual([0, 1]);
		expect(turns.running).toBe(2);
		expect(turns.waiting).toBe(1);
		gates[1]!.resolve();
		for (let i = 0; i < 5; i++) await nextTurn();
		expect(started).toEqual([0, 1, 2]);
		gates[0]!.resolve();
		gates[2]!.resolve();
		await Promise.all(runs);
		expect(turns.running).toBe(0);
		expect(turns.waiting).toBe(0);
	});

	it('lets the event loop go round between two starts, so other work gets in', async () => {
		const turns = createTurns(4);
		const log: string[] = [];
		// Each task is 3 ms of synchronous work, as a render is; the first also queues a timer,
		// standing for a request that arrived meanwhile. It must run before the second render
		// starts, not after all four.
		const task = (name: string) =>
			turns.run(async () => {
				log.push(name);
				if (name === 'a') setTimeout(() => log.push('other'), 0);
				const end = performance.now() + 3;
				while (performance.now() < end);
			});
		await Promise.all([task('a'), task('b'), task('c'), task('d')]);
		expect(log).toEqual(['a', 'other', 'b', 'c', 'd']);
	});

	it('passes a failure on to its caller and frees the slot', async () => {
		const turns = createTurns(1);
		const failing = turns.run(async () => {
			throw new Error('render failed');
		});
		const throwing = turns.run((): Promise<never> => {
			throw new Error('threw before its promise');
		});
		const after = turns.run(async () => 'still served');
		await expect(failing).rejects.toThrow('render failed');
		await expect(throwing).rejects.toThrow('threw before its promise');
		await expect(after).resolves.toBe('still served');
		expect(turns.running).toBe(0);
	});

	it('refuses a limit that could never start a task', () => {
		expect(() => createTurns(0)).toThrow(RangeError);
		expect(() => createTurns(1.5)).toThrow(RangeError);
	});
});
