/**
 * The precache list: the app only, the same with 2 lessons or 2,000. The app shell (`build`), the
 * icons and manifest (`files`), the library in both UI languages with its data, and any other
 * prerendered page; never a lesson's page (lessons.ts keeps those when opened or assigned). Pure,
 * so tests pass their own lists.
 */
import type { PrecacheEntry } from 'workbox-precaching';
import { lessonOf } from './lessons';
import { isNeverCached } from './policy';

/**
 * The library (the student's home) in both UI languages, and the data the app fetches for it:
 * rendered on request, so not among the prerendered pages, yet needed from the first offline
 * open. Served from the network first while online (a new lesson shows at once).
 */
export const APP_PAGES = ['/', '/__data.json', '/en', '/en/__data.json'];

export interface BuildLists {
	build: string[];
	files: string[];
	prerendered: string[];
	version: string;
}

/** Static files needed offline and for installing: the manifest and the icons, not robots.txt. */
const OFFLINE_FILE = /\.(?:webmanifest|png|svg)$/;

/** Every browser Qiraa supports reads woff2; another format of the same font would be dead weight. */
const OTHER_FONT = /\.(?:woff|ttf|otf|eot)$/;

export interface BuildKnowledge {
	/** A prerendered page's data path → a copy named by its content (see build-info.ts). */
	dataAssets?: ReadonlyMap<string, string>;
	/** Build files no page a student opens needs (see build-info.ts). */
	unneeded?: ReadonlySet<string>;
}

/**
 * The precache list. Data shared by several pages is precached once, under its content name;
 * files in `unneeded` are left out.
 */
export function precacheEntries(
	{ build, files, prerendered, version }: BuildLists,
	{ dataAssets = new Map(), unneeded = new Set() }: BuildKnowledge = {}
): PrecacheEntry[] {
	const app = (path: string) => {
		const url = new URL(path, 'http://x');
		return !isNeverCached(url) && lessonOf(url) === undefined && !APP_PAGES.includes(path);
	};
	const pages = prerendered.filter(app);
	const shared = new Set(pages.flatMap((path) => dataAssets.get(path) ?? []));
	return [
		// Hashed names: the URL is the revision, and an unchanged file is never fetched twice.
		...build
			.filter((path) => !OTHER_FONT.test(path) && !unneeded.has(path))
			.map((url) => ({ url, revision: null })),
		...[...shared].map((url) => ({ url, revision: null })),
		// The rest keep their names across builds; the revision makes the install fetch bypass the
		// HTTP cache, so a new version never precaches a page of the old one.
		...files.filter((path) => OFFLINE_FILE.test(path)).map((url) => ({ url, revision: version })),
		...[...APP_PAGES, ...pages.filter((path) => !dataAssets.has(path))].map((url) => ({
			url,
			revision: version
		}))
	];
}
