/**
 * One set of caches per build version. A new version seeds its precache with the unchanged hashed
 * files of the old one (a new lesson should not cost the fonts again), and on activation keeps
 * the precache of the version it replaces: a page still open on that version (another tab, or the
 * moment before the reload the student accepted) loads its chunks from there.
 */

const PREFIX = 'qiraa-';
const META = `${PREFIX}meta`;
/** The lessons kept on the phone (lessons.ts): they outlive a new version of the app. */
const LESSONS = `${PREFIX}lessons`;
/** Where the version that last activated is written down, inside the meta cache. */
const ACTIVE = '/__qiraa/active-version';

export function cacheNamesFor(version: string): { precache: string; runtime: string } {
	return { precache: `${PREFIX}precache-${version}`, runtime: `${PREFIX}runtime-${version}` };
}

/**
 * Copies into `target` the responses that other Qiraa precaches already hold for `urls` (hashed
 * build files only: their content cannot differ). Returns how many were copied.
 */
export async function seedPrecache(
	storage: CacheStorage,
	target: string,
	urls: readonly string[],
	origin: string
): Promise<number> {
	const sources = (await storage.keys()).filter(
		(name) => name !== target && name.startsWith(`${PREFIX}precache-`)
	);
	if (sources.length === 0) return 0;
	const cache = await storage.open(target);
	let copied = 0;
	for (const path of urls) {
		const url = new URL(path, origin).href;
		if (await cache.match(url)) continue;
		for (const name of sources) {
			const response = await (await storage.open(name)).match(url);
			if (response) {
				await cache.put(url, response);
				copied++;
				break;
			}
		}
	}
	return copied;
}

/**
 * Deletes every Qiraa cache but this version's, the precache of the version active until now and
 * the kept lessons, then records this version as the active one. Returns the names deleted.
 */
export async function retireOldCaches(storage: CacheStorage, version: string): Promise<string[]> {
	const meta = await storage.open(META);
	const previous = await (await meta.match(ACTIVE))?.text();
	const keep = new Set([META, LESSONS, ...Object.values(cacheNamesFor(version))]);
	if (previous && previous !== version) keep.add(cacheNamesFor(previous).precache);
	const old = (await storage.keys()).filter((name) => name.startsWith(PREFIX) && !keep.has(name));
	await Promise.all(old.map((name) => storage.delete(name)));
	await meta.put(ACTIVE, new Response(version));
	return old;
}
