/**
 * The lessons kept on the phone, outside the precache: a lesson is downloaded when the student
 * opens it or the phone learns it is assigned, so what the app installs does not grow with the
 * library. One cache for all versions of the app (a lesson outlives an update; its pages are
 * fetched again once they were made by an older build), with an index of what it holds: the
 * lesson's version, the build that made its pages, their size, and when it was stored and last
 * opened. The student's answers live in IndexedDB and are never touched here.
 */
import { LANGS, localisePath } from '$lib/i18n';
import {
	LESSON_CACHE,
	LESSON_INDEX as INDEX,
	type LessonIndex,
	type LessonRef,
	type StoredLesson
} from '$lib/client/worker-messages';
import { ID_PATTERN } from '$lib/lesson/constants';
import { mayStore } from './policy';

/** A lesson neither assigned nor opened for this long is removed. */
export const UNUSED_MS = 30 * 24 * 60 * 60 * 1000;

const LESSON_PATH = /^(?:\/en)?\/lessons\/([^/]{1,64})(?:\/result)?(?:\/__data\.json)?$/;

/** The lesson a page or data URL belongs to, or undefined. */
export function lessonOf(url: URL): string | undefined {
	const id = LESSON_PATH.exec(url.pathname)?.[1];
	return id !== undefined && ID_PATTERN.test(id) ? id : undefined;
}

/**
 * Every URL kept for a lesson: its page and its result page in both UI languages (the language
 * switch works offline too), and each page's data once, since the data does not depend on the UI
 * language (see `keyFor`).
 */
export function lessonUrls(id: string): string[] {
	const pages = [`/lessons/${id}`, `/lessons/${id}/result`];
	return [
		...pages.flatMap((page) => LANGS.map((lang) => localisePath(page, lang))),
		...pages.map((page) => `${page}/__data.json`)
	];
}

/** The URL under which the copy of `url` is kept: an English page's data is the Arabic one's. */
export function keyFor(url: URL): string {
	return url.pathname.endsWith('/__data.json')
		? url.pathname.replace(/^\/en(?=\/)/, '')
		: url.pathname;
}

/** Whether the lesson's kept pages are missing or older than `ref` or than this build. */
export function outdated(stored: StoredLesson | undefined, ref: LessonRef, build: string): boolean {
	return stored === undefined || stored.version !== ref.version || stored.build !== build;
}

/** The lessons to remove: not assigned, and neither opened nor stored for `UNUSED_MS`. */
export function unused(index: LessonIndex, assigned: ReadonlySet<string>, now: number): string[] {
	return Object.entries(index)
		.filter(
			([id, lesson]) =>
				!assigned.has(id) && now - Math.max(lesson.openedAt ?? 0, lesson.storedAt) > UNUSED_MS
		)
		.map(([id]) => id);
}

export interface LessonStoreOptions {
	storage: CacheStorage;
	origin: string;
	/** This worker's version. */
	build: string;
	fetch: (request: Request) => Promise<Response>;
	now?: () => number;
	/** Told after the kept lessons changed (the pages redraw their marks). */
	changed?: () => void;
}

/** The phone's kept lessons. Changes run one at a time, so the index is never written twice at once. */
export class LessonStore {
	readonly #options: LessonStoreOptions;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(options: LessonStoreOptions) {
		this.#options = options;
	}

	/** What the phone holds. */
	async index(): Promise<LessonIndex> {
		const cache = await this.#cache();
		const found = await cache.match(this.#url(INDEX));
		if (!found) return {};
		try {
			const parsed = (await found.json()) as unknown;
			return parsed !== null && typeof parsed === 'object' ? (parsed as LessonIndex) : {};
		} catch {
			return {};
		}
	}

	/** The kept copy of a lesson page or its data, or undefined. */
	async match(url: URL): Promise<Response | undefined> {
		if (lessonOf(url) === undefined) return undefined;
		return (await this.#cache()).match(this.#url(keyFor(url)));
	}

	/**
	 * The student opened a lesson: kept (downloaded again if it changed), and marked as opened now.
	 */
	opened(ref: LessonRef): Promise<void> {
		return this.#run(async () => {
			const index = await this.index();
			const kept = await this.#keep(index, ref, index[ref.id]?.assigned ?? false);
			if (kept) kept.openedAt = this.#now();
			await this.#save(index);
		});
	}

	/**
	 * The lessons assigned to the student's classes, as the phone last learned them: each is kept
	 * (a new version replaces the old), the others are marked unassigned, and those unused for a
	 * while are removed. A lesson that fails to download is tried again next time.
	 */
	assigned(refs: readonly LessonRef[]): Promise<void> {
		return this.#run(async () => {
			const index = await this.index();
			const ids = new Set(refs.map((ref) => ref.id));
			for (const lesson of Object.values(index)) lesson.assigned = false;
			for (const ref of refs) {
				const kept = await this.#keep(index, ref, true);
				if (kept) kept.assigned = true;
			}
			const cache = await this.#cache();
			for (const id of unused(index, ids, this.#now())) {
				await Promise.all(lessonUrls(id).map((path) => cache.delete(this.#url(path))));
				delete index[id];
			}
			await this.#save(index);
		});
	}

	/**
	 * Downloads the lesson's pages if they are missing or outdated, all or nothing: the old copy
	 * stays until every new page has arrived whole. Returns the index entry, or undefined when the
	 * lesson is not kept (download failed and nothing older is there).
	 */
	async #keep(
		index: LessonIndex,
		ref: LessonRef,
		assigned: boolean
	): Promise<StoredLesson | undefined> {
		const { build } = this.#options;
		if (!outdated(index[ref.id], ref, build)) return index[ref.id];
		const fetched: [string, Response, number][] = [];
		try {
			for (const path of lessonUrls(ref.id)) {
				const response = await this.#options.fetch(
					new Request(this.#url(path), { credentials: 'same-origin' })
				);
				if (!mayStore(response)) return index[ref.id];
				const bytes = (await response.clone().arrayBuffer()).byteLength;
				fetched.push([path, response, bytes]);
			}
		} catch {
			// Offline, or the connection dropped: the next sync tries again.
			return index[ref.id];
		}
		const cache = await this.#cache();
		for (const [path, response] of fetched) await cache.put(this.#url(path), response);
		const entry: StoredLesson = {
			version: ref.version,
			build,
			bytes: fetched.reduce((sum, [, , bytes]) => sum + bytes, 0),
			storedAt: this.#now(),
			openedAt: index[ref.id]?.openedAt,
			assigned
		};
		index[ref.id] = entry;
		return entry;
	}

	async #save(index: LessonIndex): Promise<void> {
		await (
			await this.#cache()
		).put(
			this.#url(INDEX),
			new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } })
		);
		this.#options.changed?.();
	}

	#run(task: () => Promise<void>): Promise<void> {
		const next = this.#queue.then(task, task);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	#cache(): Promise<Cache> {
		return this.#options.storage.open(LESSON_CACHE);
	}

	#url(path: string): string {
		return new URL(path, this.#options.origin).href;
	}

	#now(): number {
		return (this.#options.now ?? Date.now)();
	}
}
