/**
 * The page's side of the lessons kept on the phone: tells the service worker which lesson was
 * opened and which are assigned (it downloads them), and reads back what it keeps, for the marks
 * on the library's cards and the storage line. Where no worker runs (an insecure origin), nothing
 * is kept and nothing is shown.
 */
import {
	LESSON_CACHE,
	LESSON_INDEX,
	LESSONS_CHANGED,
	type LessonIndex,
	type LessonRef,
	type WorkerMessage
} from './worker-messages';

/** Sends a message to the worker that controls this page (or will, once it is ready). */
export function tellWorker(message: WorkerMessage): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const now = navigator.serviceWorker.controller;
	if (now) {
		now.postMessage(message);
		return;
	}
	// The first visit: the worker is still installing; it hears the message once active.
	navigator.serviceWorker.ready.then(
		(registration) => registration.active?.postMessage(message),
		() => undefined
	);
}

/** Keep this lesson, the one the student opened. */
export function keepOpened(lesson: LessonRef): void {
	tellWorker({ type: 'OPENED', lesson });
}

/** Keep these lessons, assigned to the student's classes; the others may be cleaned up. */
export function keepAssigned(lessons: LessonRef[]): void {
	tellWorker({ type: 'ASSIGNED', lessons });
}

class KeptLessons {
	/** What the worker keeps, by lesson id. */
	index = $state<LessonIndex>({});
	count = $derived(Object.keys(this.index).length);
	bytes = $derived(Object.values(this.index).reduce((sum, lesson) => sum + lesson.bytes, 0));
	#listening = false;

	has(id: string): boolean {
		return id in this.index;
	}

	/** Reads the worker's index, and follows its changes from now on. */
	async watch(): Promise<void> {
		if (typeof caches === 'undefined') return;
		if (!this.#listening && 'serviceWorker' in navigator) {
			this.#listening = true;
			navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
				if ((event.data as { type?: unknown } | null)?.type === LESSONS_CHANGED) void this.read();
			});
		}
		await this.read();
	}

	async read(): Promise<void> {
		try {
			if (!(await caches.has(LESSON_CACHE))) return;
			const found = await (await caches.open(LESSON_CACHE)).match(LESSON_INDEX);
			const parsed = (await found?.json()) as unknown;
			if (parsed !== null && typeof parsed === 'object') this.index = parsed as LessonIndex;
		} catch {
			// Cache Storage refused (a private window): no marks, nothing else changes.
		}
	}
}

/** One for the page: every card and the storage line read it. */
export const keptLessons = new KeptLessons();
