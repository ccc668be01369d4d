/**
 * A stand-in for the service worker's global scope, for unit tests in Node: Cache Storage in
 * memory, a network that the test answers, and events it dispatches to the worker's listeners.
 */
import { vi } from 'vitest';

export const ORIGIN = 'https://qiraa.test';

type Key = RequestInfo | URL;

function href(key: Key): string {
	const url = typeof key === 'string' ? key : key instanceof URL ? key.href : key.url;
	return new URL(url, ORIGIN).href;
}

export class FakeCache {
	readonly entries = new Map<string, Response>();

	async match(key: Key): Promise<Response | undefined> {
		return this.entries.get(href(key))?.clone();
	}

	async put(key: Key, response: Response): Promise<void> {
		this.entries.set(href(key), response.clone());
	}

	async delete(key: Key): Promise<boolean> {
		return this.entries.delete(href(key));
	}

	async keys(): Promise<Request[]> {
		return [...this.entries.keys()].map((url) => new Request(url));
	}

	urls(): string[] {
		return [...this.entries.keys()].map((url) => url.replace(ORIGIN, ''));
	}
}

/** Cache Storage keeps caches in the order they were created, as browsers do. */
export class FakeCacheStorage {
	readonly caches = new Map<string, FakeCache>();

	async open(name: string): Promise<FakeCache> {
		let cache = this.caches.get(name);
		if (!cache) {
			cache = new FakeCache();
			this.caches.set(name, cache);
		}
		return cache;
	}

	async has(name: string): Promise<boolean> {
		return this.caches.has(name);
	}

	async delete(name: string): Promise<boolean> {
		return this.caches.delete(name);
	}

	async keys(): Promise<string[]> {
		return [...this.caches.keys()];
	}

	async match(key: Key, options?: { cacheName?: string }): Promise<Response | undefined> {
		const names = options?.cacheName ? [options.cacheName] : [...this.caches.keys()];
		for (const name of names) {
			const found = await this.caches.get(name)?.match(key);
			if (found) return found;
		}
		return undefined;
	}
}

export class FakeExtendableEvent {
	readonly type: string;
	readonly pending: Promise<unknown>[] = [];

	constructor(type: string) {
		this.type = type;
	}

	waitUntil(promise: Promise<unknown>): void {
		this.pending.push(promise);
	}

	/** Waits for everything the listeners asked to wait for, including what that added. */
	async settled(): Promise<void> {
		for (let done = 0; done < this.pending.length; done++) await this.pending[done];
	}
}

export class FakeFetchEvent extends FakeExtendableEvent {
	readonly request: Request;
	readonly preloadResponse = Promise.resolve(undefined);
	response: Promise<Response> | undefined;

	constructor(request: Request) {
		super('fetch');
		this.request = request;
	}

	respondWith(response: Promise<Response>): void {
		this.response = response;
	}
}

export class FakeMessageEvent extends FakeExtendableEvent {
	readonly data: unknown;

	constructor(data: unknown) {
		super('message');
		this.data = data;
	}
}

/** A request as a page makes it; `navigate` cannot be set through the Request constructor. */
export function pageRequest(path: string, { navigate = false, method = 'GET' } = {}): Request {
	const request = new Request(new URL(path, ORIGIN), { method });
	if (navigate) Object.defineProperty(request, 'mode', { value: 'navigate' });
	return request;
}

/** Stubs the globals a service worker sees; returns the handles a test drives it with. */
export function stubServiceWorkerScope() {
	const listeners = new Map<string, ((event: unknown) => void)[]>();
	const storage = new FakeCacheStorage();
	const network = vi.fn<(request: Request) => Promise<Response>>();
	const scope = {
		// Workbox's development build logs every step unless told not to.
		__WB_DISABLE_DEV_LOGS: true,
		location: new URL('/service-worker.js', ORIGIN),
		registration: { scope: `${ORIGIN}/` },
		caches: storage,
		clients: {
			claim: vi.fn(async () => undefined),
			matchAll: vi.fn(async () => [] as { postMessage(message: unknown): void }[])
		},
		/** The phone's languages, as `navigator.languages` gives them. */
		navigator: { languages: ['ar-IQ'] as readonly string[] },
		skipWaiting: vi.fn(async () => undefined),
		addEventListener(type: string, listener: (event: unknown) => void) {
			listeners.set(type, [...(listeners.get(type) ?? []), listener]);
		}
	};
	vi.stubGlobal('self', scope);
	vi.stubGlobal('location', scope.location);
	vi.stubGlobal('caches', storage);
	vi.stubGlobal('ExtendableEvent', FakeExtendableEvent);
	vi.stubGlobal('FetchEvent', FakeFetchEvent);
	vi.stubGlobal('__WB_DISABLE_DEV_LOGS', true);
	vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
		network(input instanceof Request ? input : new Request(input, init))
	);

	function dispatch<E extends FakeExtendableEvent>(event: E): E {
		for (const listener of listeners.get(event.type) ?? []) listener(event);
		return event;
	}

	return {
		scope,
		storage,
		network,
		listeners,
		dispatch,
		/** Sends a request through the worker: its response, or undefined when it let it pass. */
		async fetch(request: Request): Promise<Response | undefined> {
			const event = dispatch(new FakeFetchEvent(request));
			const response = await event.response;
			await event.settled();
			return response;
		}
	};
}
