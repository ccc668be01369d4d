import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from './index';
import { messageUrls } from './messages';

/** Serves the message files from the source tree, as the build serves them to the browser. */
const fetchFromDisk = vi.fn(async (url: string | URL | Request) => {
	const body = await readFile(
		join(process.cwd(), new URL(String(url), 'http://x').pathname),
		'utf8'
	);
	return new Response(body, { headers: { 'content-type': 'application/json' } });
});

afterEach(() => {
	vi.unstubAllEnvs();
	fetchFromDisk.mockClear();
});

describe('messageUrls', () => {
	it('gives each language its own files, the pwa area merged in, teacher, editor and error areas left out', () => {
		for (const lang of ['ar', 'en'] as const) {
			const names = messageUrls(lang).map((url) =>
				new URL(url, 'http://x').pathname.split('/').pop()
			);
			expect(names.sort()).toEqual([`${lang}.json`, `pwa.${lang}.json`]);
		}
	});
});

describe('loadMessages', () => {
	// The module keeps what it loaded: each test starts from a fresh copy of it.
	let loadMessages: typeof import('./messages').loadMessages;
	beforeEach(async () => {
		vi.resetModules();
		({ loadMessages } = await import('./messages'));
	});

	it('reads one language on the server, without fetching anything', async () => {
		const ar = await loadMessages('ar', fetchFromDisk);
		expect(fetchFromDisk).not.toHaveBeenCalled();
		expect(createI18n('ar', ar).t('nav.skip')).toBe('انتقل إلى المحتوى');
		expect(Object.keys(ar)).toContain('pwa');
		expect(Object.keys(ar)).not.toContain('teach');
		expect(Object.keys(ar)).not.toContain('error');
	});

	it('fetches the same messages in the browser', async () => {
		const server = await loadMessages('en', fetchFromDisk);
		vi.resetModules();
		vi.stubEnv('SSR', false);
		const browser = await (await import('./messages')).loadMessages('en', fetchFromDisk);
		expect(fetchFromDisk.mock.calls.map(([url]) => url)).toEqual(messageUrls('en'));
		expect(browser).toEqual(server);
	});

	it('fails when a file cannot be fetched, rather than showing keys for words', async () => {
		vi.stubEnv('SSR', false);
		const missing = async () => new Response('gone', { status: 404 });
		await expect(loadMessages('ar', missing)).rejects.toThrow(/404/);
		// Not kept: the next page tries again, and succeeds once the files can be had.
		const messages = await loadMessages('ar', fetchFromDisk);
		expect(createI18n('ar', messages).t('nav.skip')).toBe('انتقل إلى المحتوى');
	});

	it('loads each language once and then gives the same messages', async () => {
		vi.stubEnv('SSR', false);
		const [first, second] = await Promise.all([
			loadMessages('ar', fetchFromDisk),
			loadMessages('ar', fetchFromDisk)
		]);
		const third = await loadMessages('ar', fetchFromDisk);
		expect(second).toBe(first);
		expect(third).toBe(first);
		expect(fetchFromDisk).toHaveBeenCalledTimes(messageUrls('ar').length);
		const english = await loadMessages('en', fetchFromDisk);
		expect(english).not.toBe(first);
		expect(createI18n('en', english).t('nav.skip')).toBe('Skip to content');
	});
});
