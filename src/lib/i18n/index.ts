/**
 * UI strings through i18next. One instance per language, made on demand and never shared with a
 * request of another language (a module-wide `changeLanguage` would let two requests race).
 */
import i18next, { type i18n, type TFunction } from 'i18next';

export const LANGS = ['ar', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ar';

/** The language's own name, used to label the language switch. */
export const LANG_NAMES: Record<Lang, string> = { ar: 'العربية', en: 'English' };

export type Messages = Record<string, unknown>;

/**
 * Every file in locales/ is `<lang>.json` or `<area>.<lang>.json` (e.g. `pwa.ar.json`); each
 * language's files merge into one set of messages. The teacher area's strings (`teach.*`) stay
 * out of this set, so students' phones never download them: the teacher layout adds them.
 */
const files = import.meta.glob<Messages>(['./locales/*.json', '!./locales/teach.*.json'], {
	eager: true,
	import: 'default'
});

function messages(lang: Lang): Messages {
	return Object.entries(files)
		.filter(([path]) => path.endsWith(`${lang}.json`))
		.reduce<Messages>((all, [, file]) => ({ ...all, ...file }), {});
}

const resources = { ar: messages('ar'), en: messages('en') };

export function isLang(value: unknown): value is Lang {
	return value === 'ar' || value === 'en';
}

export function dir(lang: Lang): 'rtl' | 'ltr' {
	return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The other language of the pair. */
export function other(lang: Lang): Lang {
	return lang === 'ar' ? 'en' : 'ar';
}

/**
 * A ready i18next instance for one language (resources are bundled, so init is synchronous).
 * @param extra an area's own messages, such as the teacher area's
 */
export function createI18n(lang: Lang, extra: Messages = {}): i18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: lang,
		fallbackLng: false,
		resources: { [lang]: { translation: { ...resources[lang], ...extra } } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false,
		showSupportNotice: false
	});
	return instance;
}

export type Translate = TFunction;

/**
 * The path of the same page in another UI language: Arabic has no prefix, English lives under
 * `/en`.
 */
export function localisePath(path: string, lang: Lang): string {
	const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
	if (lang === DEFAULT_LANG) return bare;
	return bare === '/' ? '/en' : `/en${bare}`;
}

/** Numbers with Western digits in both languages, as the articles print them. */
export function formatNumber(value: number, lang: Lang): string {
	return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en').format(value);
}
