/**
 * UI strings through i18next. One instance per language, made on demand and never shared with a
 * request of another language (a module-wide `changeLanguage` would let two requests race). The
 * messages come from `./messages`, one language at a time.
 */
import i18next, { type i18n, type TFunction } from 'i18next';

export const LANGS = ['ar', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ar';

/** The language's own name, used to label the language switch. */
export const LANG_NAMES: Record<Lang, string> = { ar: 'العربية', en: 'English' };

export type Messages = Record<string, unknown>;

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

/** Instances made so far, by the identity of their message sets, in order, then language. */
interface Made {
	next: WeakMap<Messages, Made>;
	byLang: Map<Lang, i18n>;
}
const made: Made = { next: new WeakMap(), byLang: new Map() };

/**
 * A ready i18next instance for one language (the messages are at hand, so init is synchronous),
 * with `sets` merged in order, later keys winning: the language's messages (`loadMessages`), then
 * an area's own, such as the teacher area's. Made once per language and combination of sets (by
 * their identity) and then shared: an instance never changes language, so sharing is safe, and a
 * server page no longer builds two instances and their plural rules on every render (measured:
 * about a tenth of a results page's server time).
 */
export function createI18n(lang: Lang, ...sets: Messages[]): i18n {
	let node = made;
	for (const set of sets) {
		let next = node.next.get(set);
		if (!next) {
			next = { next: new WeakMap(), byLang: new Map() };
			node.next.set(set, next);
		}
		node = next;
	}
	let instance = node.byLang.get(lang);
	if (!instance) {
		instance = i18next.createInstance();
		void instance.init({
			lng: lang,
			fallbackLng: false,
			resources: { [lang]: { translation: Object.assign({}, ...sets) as Messages } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false,
			showSupportNotice: false
		});
		node.byLang.set(lang, instance);
	}
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

// A page's first Intl.NumberFormat costs 15 to 25 ms of main thread on a fast machine, several
// times that on a cheap phone (ICU loads its number data), during the lesson page's hydration.
// Below 1,000 a whole number reads the same in both languages, so it needs none; larger ones
// share one formatter per language.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** Numbers with Western digits in both languages, as the articles print them. */
export function formatNumber(value: number, lang: Lang): string {
	if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
	let format = numberFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en');
		numberFormats.set(lang, format);
	}
	return format.format(value);
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A share from 0 to 1 as a whole percentage with Western digits, as ICU writes it in the language:
 * "35%" in English, "35‎%‎" in Arabic (the Latin sign, since the digits are Latin; never the Arabic
 * ٪ in English). The teacher's pages write a student's score the same way.
 */
export function formatPercent(share: number, lang: Lang): string {
	let format = percentFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', {
			style: 'percent',
			maximumFractionDigits: 0
		});
		percentFormats.set(lang, format);
	}
	return format.format(share);
}

/**
 * A calendar date written `YYYY-MM-DD` (a lesson's source date) as the UI language writes it:
 * "22 June 2011", «22 حزيران 2011», with the month's name from the locale files. No Intl: its
 * first date format would cost the lesson page a few ms of main thread as it starts. Anything
 * that is not such a date comes back as it is.
 */
export function formatDate(date: string, t: Translate): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const month = Number(match?.[2]);
	if (!match || month < 1 || month > 12) return date;
	return t('date.day', {
		day: String(Number(match[3])),
		month: t(`date.months.${month}`),
		year: match[1]
	});
}
