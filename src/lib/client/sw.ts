/**
 * Registers the service worker through workbox-window and offers a new version when one is
 * waiting. Nothing reloads by itself: the page reloads only after the student accepts, and until
 * then the old worker keeps serving the old version's files (an open lesson loses nothing).
 */
import { Workbox } from 'workbox-window';

/** A new version, installed and waiting for the student's word. */
export interface PendingUpdate {
	/** Activates the new version, then reloads this page once it has taken over. */
	accept(): void;
}

/** How often an app left open asks the server for a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers `/service-worker.js` where the browser allows it (HTTPS or localhost) and calls
 * `onUpdate` whenever a new version waits. Returns a function that stops the update checks, or
 * nothing when no service worker can run here.
 */
export function registerServiceWorker(
	onUpdate: (update: PendingUpdate) => void
): (() => void) | undefined {
	if (!window.isSecureContext || !('serviceWorker' in navigator)) return undefined;

	const wb = new Workbox('/service-worker.js', { scope: '/' });
	/** Where the new version is: none seen, waiting, accepted here, or activated from elsewhere. */
	let stage: 'none' | 'waiting' | 'accepted' | 'active' = 'none';

	const update: PendingUpdate = {
		accept() {
			// Activated from another tab: nothing waits any more, only this page's reload does.
			if (stage === 'active') return window.location.reload();
			stage = 'accepted';
			wb.messageSkipWaiting();
		}
	};

	wb.addEventListener('waiting', () => {
		stage = 'waiting';
		onUpdate(update);
	});
	// The first version also takes control (of the page that installed it), with nothing waiting.
	// A waiting one takes control when accepted here, or in another tab: then this page keeps
	// running (the previous precache still holds its files) and reloads only if asked here.
	wb.addEventListener('controlling', () => {
		if (stage === 'accepted') window.location.reload();
		else if (stage === 'waiting') stage = 'active';
	});

	const check = () => {
		// Offline, or the server is down: the next check will do, nothing is lost meanwhile.
		if (document.visibilityState === 'visible') wb.update().catch(() => undefined);
	};
	// A failed registration leaves the app working online; the rejection reaches the browser's
	// console as an unhandled one, for whoever debugs the device.
	void wb.register();
	document.addEventListener('visibilitychange', check);
	const timer = window.setInterval(check, CHECK_EVERY_MS);

	return () => {
		document.removeEventListener('visibilitychange', check);
		window.clearInterval(timer);
	};
}
