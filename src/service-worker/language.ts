/**
 * The device's UI language choice as the worker knows it, for pages opened offline: a worker
 * cannot read cookies, so every page tells it the language it shows (the choice, see
 * src/lib/i18n/choice.ts). Held in memory for the navigation that follows a switch at once, and in
 * the meta cache for the next time the worker starts.
 */
import { isLang, type Lang } from '$lib/i18n';
import { phoneLanguage, preferredLanguage } from '$lib/i18n/choice';

const META = 'qiraa-meta';
const KEY = '/__qiraa/lang';

export class LanguageChoice {
	readonly #storage: CacheStorage;
	readonly #origin: string;
	readonly #phone: () => readonly string[];
	#chosen: Lang | undefined;
	#loaded = false;

	/** @param phone the phone's languages (`navigator.languages`) */
	constructor(storage: CacheStorage, origin: string, phone: () => readonly string[]) {
		this.#storage = storage;
		this.#origin = origin;
		this.#phone = phone;
	}

	/** Records the choice; the next navigation sees it even before it is written down. */
	choose(lang: Lang): Promise<void> {
		this.#chosen = lang;
		this.#loaded = true;
		return this.#storage
			.open(META)
			.then((cache) => cache.put(new URL(KEY, this.#origin).href, new Response(lang)));
	}

	/** The language an unprefixed page opens in: the choice, else the phone's, else Arabic. */
	async preferred(): Promise<Lang> {
		if (!this.#loaded) {
			const kept = await (await this.#storage.open(META)).match(new URL(KEY, this.#origin).href);
			const text = await kept?.text();
			// A choice made while this read was under way wins over the older one read.
			if (!this.#loaded) this.#chosen = isLang(text) ? text : undefined;
			this.#loaded = true;
		}
		return preferredLanguage(this.#chosen, phoneLanguage(this.#phone()));
	}
}
