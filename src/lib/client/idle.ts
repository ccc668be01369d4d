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
