/**
 * Work the student never waits for (registering the service worker, fetching the grading code) runs
 * once the page has loaded and the browser is idle, so its code comes after the page's own and never
 * delays it.
 */

/** How long an idle callback may wait on a page that is never idle. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `task` once, after the window's load event, when the browser is idle.
 * @returns a function that cancels the task if it has not run yet
 */
export function afterLoad(task: () => void): () => void {
	let settled = false;
	const run = () => {
		if (settled) return;
		settled = true;
		task();
	};
	// Safari has no requestIdleCallback: there a timer puts the task after the load event's work.
	const schedule = () => {
		if (typeof window.requestIdleCallback === 'function') {
			window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
		} else {
			setTimeout(run, 0);
		}
	};
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
	return () => {
		settled = true;
		window.removeEventListener('load', schedule);
	};
}

/** A task's share of the main thread before it yields: under the 50 ms that counts as blocking. */
export const SLICE_MS = 8;

/** Resolves in a new task, so input and paint can run before the work goes on. */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step` until it returns false, in slices of about `sliceMs` each, yielding to the browser
 * between slices. Every slice takes at least one step, so the work always moves on.
 * @param now the clock (a test passes its own)
 * @returns whether every step ran (false if `cancelled` stopped it first)
 */
export async function runSliced(
	step: () => boolean,
	{
		sliceMs = SLICE_MS,
		now = () => performance.now(),
		cancelled = () => false,
		yieldTask = nextTask
	}: {
		sliceMs?: number;
		now?: () => number;
		cancelled?: () => boolean;
		yieldTask?: () => Promise<void>;
	} = {}
): Promise<boolean> {
	for (;;) {
		if (cancelled()) return false;
		const start = now();
		do {
			if (!step()) return true;
		} while (now() - start < sliceMs);
		await yieldTask();
	}
}
