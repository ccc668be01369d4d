/**
 * Which UI language a page opens in, and how the choice is kept. The URL says it for English
 * (`/en/…`); an unprefixed URL means "Arabic, unless this device chose English". The choice is the
 * language of the last page shown, kept in a cookie (so the server answers in the right language
 * from the first byte) and given to the service worker (so it does the same offline). With no
 * choice yet, the phone's language decides: Arabic for ar-*, English for any other, Arabic when the
 * browser names none. Pure: the server hook, the page and the worker share it.
 */
import { DEFAULT_LANG, isLang, localisePath, type Lang } from './index';

/** The cookie holding the device's choice; readable by the page, which sets it on a switch. */
export const LANG_COOKIE = 'lang';
/** A year: the choice outlives any school year's break. */
export const LANG_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * The language a phone asks for in `Accept-Language` (or `navigator.languages`): Arabic when its
 * first language is Arabic, English when it names another, undefined when it names none.
 */
export function phoneLanguage(
	accept: string | readonly string[] | null | undefined
): Lang | undefined {
	const tags =
		typeof accept === 'string'
			? accept
					.split(',')
					.map((part) => {
						const [tag = '', ...params] = part.trim().split(';');
						const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
						return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
					})
					.filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
					.sort((a, b) => b.q - a.q)
					.map(({ tag }) => tag)
			: [...(accept ?? [])];
	const first = tags[0]?.toLowerCase();
	if (first === undefined) return undefined;
	return first === 'ar' || first.startsWith('ar-') ? 'ar' : 'en';
}

/** The device's choice from its cookie header (or `document.cookie`), if it made one. */
export function chosenLanguage(cookieHeader: string | null | undefined): Lang | undefined {
	for (const part of (cookieHeader ?? '').split(';')) {
		const [name, value] = part.trim().split('=');
		if (name === LANG_COOKIE && isLang(value)) return value;
	}
	return undefined;
}

/** The language for an unprefixed page: the device's choice, else the phone's, else Arabic. */
export function preferredLanguage(chosen: Lang | undefined, phone: Lang | undefined): Lang {
	return chosen ?? phone ?? DEFAULT_LANG;
}

/**
 * Where a visit to `path` (as typed, followed from a link, or the installed app's start URL)
 * belongs: the same page under `/en` when it is unprefixed and the preferred language is English;
 * null when it may open as it is. An explicit `/en/…` always opens as it is (and becomes the
 * choice).
 */
export function languageRedirect(path: string, preferred: Lang): string | null {
	if (/^\/en(?:\/|$)/.test(path) || preferred === DEFAULT_LANG) return null;
	return localisePath(path, preferred);
}

/**
 * The query parameter a language switch link carries: an explicit choice, honoured by the server
 * and the worker before anything else, so the switch works before the page's scripts have run and
 * without them (an unprefixed link alone would be sent back to `/en` by an English choice).
 */
export const CHOICE_PARAM = 'ui';

/** The link that switches the page at `path` to `lang`, keeping its `query` ('' or '?…'). */
export function switchLink(path: string, lang: Lang, query = ''): string {
	const params = new URLSearchParams(query);
	params.delete(CHOICE_PARAM);
	if (lang === DEFAULT_LANG) params.append(CHOICE_PARAM, lang);
	const search = params.toString();
	return localisePath(path, lang) + (search ? `?${search}` : '');
}

/**
 * A switch link's explicit choice, and where it goes once the choice is kept: the same URL
 * without the marker. Undefined for any other URL (or a marker naming no language).
 */
export function explicitChoice(url: URL): { lang: Lang; clean: string } | undefined {
	const value = url.searchParams.get(CHOICE_PARAM);
	if (!isLang(value)) return undefined;
	const clean = new URL(url);
	clean.searchParams.delete(CHOICE_PARAM);
	return { lang: value, clean: clean.pathname + clean.search };
}

/** The `document.cookie` assignment that keeps `lang` as the choice. */
export function choiceCookie(lang: Lang, secure: boolean): string {
	return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${LANG_COOKIE_MAX_AGE}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
