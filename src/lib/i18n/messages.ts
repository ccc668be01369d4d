/**
 * Each UI language's messages, as files of their own: a page downloads the messages of its own
 * language only. Every file in locales/ is `<lang>.json` or `<area>.<lang>.json` (e.g.
 * `pwa.ar.json`); each language's files merge into one set. Three areas stay out of it: the
 * teacher area's strings (`teach.*`) and the lesson editor's (`author.*`), which students' phones
 * never download (the teacher layout and the editor add them), and the error page's (`error.*`),
 * which that page carries itself since it can show outside the language layout.
 */
import type { Lang, Messages } from './index';

/** The URL of every message file, as the browser asks for it (a hashed, immutable asset). */
const urls = import.meta.glob<string>(
	[
		'./locales/*.json',
		'!./locales/teach.*.json',
		'!./locales/error.*.json',
		'!./locales/author.*.json'
	],
	{
		query: '?url&no-inline',
		import: 'default',
		eager: true
	}
);

const ofLang = <T>(files: Record<string, T>, lang: Lang): T[] =>
	Object.entries(files)
		.filter(([path]) => path.endsWith(`.${lang}.json`) || path.endsWith(`/${lang}.json`))
		.map(([, file]) => file);

const merge = (files: readonly Messages[]): Messages =>
	files.reduce<Messages>((all, file) => ({ ...all, ...file }), {});

/**
 * The files of one language's messages, for `<link rel="preload">`: the browser fetches them with
 * the page's modules, so the page's code never waits for them.
 */
export function messageUrls(lang: Lang): string[] {
	return ofLang(urls, lang);
}

const loaded = new Map<Lang, Promise<Messages>>();

/**
 * One language's messages: read from the server's bundle when rendering there, fetched as their
 * files in the browser (preloaded by the page, and in the service worker's precache). Loaded once
 * per language and then the same object, so `createI18n` finds the instance it made for it; a
 * fetch that failed is tried again next time.
 */
export function loadMessages(lang: Lang, fetch: typeof globalThis.fetch): Promise<Messages> {
	let messages = loaded.get(lang);
	if (!messages) {
		messages = readMessages(lang, fetch);
		loaded.set(lang, messages);
		messages.catch(() => loaded.delete(lang));
	}
	return messages;
}

async function readMessages(lang: Lang, fetch: typeof globalThis.fetch): Promise<Messages> {
	if (import.meta.env.SSR) {
		const files = import.meta.glob<Messages>(
			[
				'./locales/*.json',
				'!./locales/teach.*.json',
				'!./locales/error.*.json',
				'!./locales/author.*.json'
			],
			{
				import: 'default'
			}
		);
		return merge(await Promise.all(ofLang(files, lang).map((load) => load())));
	}
	return merge(
		await Promise.all(
			messageUrls(lang).map(async (url) => {
				const response = await fetch(url);
				if (!response.ok) throw new Error(`${url}: ${response.status}`);
				return (await response.json()) as Messages;
			})
		)
	);
}
