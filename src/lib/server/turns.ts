/**
 * Pages take turns. Node serves every request on one thread, and a page render is one long run of
 * JavaScript (a class's results page, about 25 ms; with SQLite, whose queries do not wait on I/O,
 * the whole render). Left alone, a burst of 40 renders that arrive together runs back to back in
 * one turn of the event loop: measured, the loop stood still for 1.4 s at a time, and /healthz, a
 * student's sync and every other request waited behind the whole burst (p99 4.5 s).
 *
 * So renders queue here, first come first served: at most `limit` at once (src/hooks.server.ts
 * says how many, and why), and at most one started per turn of the event loop.
 * Between two starts the loop goes round, and whatever arrived meanwhile (a health check, a
 * sync, a static file) is served before the next render. Total work is the same; only the order
 * changes, and a queue served in order also finishes the average render sooner than a crowd
 * that shares the thread.
 */

export interface Turns {
	/** Runs `task` when its turn comes; settles as it settles. */
	run<T>(task: () => Promise<T>): Promise<T>;
	/** Tasks running now, and waiting. */
	readonly running: number;
	readonly waiting: number;
}

export function createTurns(limit: number): Turns {
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be ≥ 1: ${limit}`);
	let running = 0;
	const queue: (() => void)[] = [];
	// A start is pending in the next turn (setImmediate): never more than one.
	let pending = false;

	function schedule() {
		if (pending || running >= limit || queue.length === 0) return;
		pending = true;
		setImmediate(() => {
			pending = false;
			if (running >= limit) return;
			const start = queue.shift();
			if (start === undefined) return;
			running++;
			start();
			// The next start waits for the next turn, even when a slot is free now.
			schedule();
		});
	}

	return {
		run<T>(task: () => Promise<T>): Promise<T> {
			return new Promise<T>((resolve, reject) => {
				queue.push(() => {
					let settled: Promise<T>;
					try {
						settled = task();
					} catch (error) {
						settled = Promise.reject(error);
					}
					settled.then(resolve, reject).finally(() => {
						running--;
						schedule();
					});
				});
				schedule();
			});
		},
		get running() {
			return running;
		},
		get waiting() {
			return queue.length;
		}
	};
}
