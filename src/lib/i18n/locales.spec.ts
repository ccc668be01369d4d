import { describe, expect, it } from 'vitest';
import {
	createI18n,
	formatDate,
	formatNumber,
	formatPercent,
	LANGS,
	localisePath,
	type Messages
} from './index';
import { loadMessages } from './messages';
import { teachMessages } from './teach';

const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });
const merged = (lang: string) =>
	Object.entries(files)
		.filter(([path]) => path.endsWith(`${lang}.json`))
		.reduce<Messages>((all, [, file]) => ({ ...all, ...file }), {});
const ar = merged('ar');
const en = merged('en');

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key path with its value; plural forms collapse to their base key. */
function entries(tree: object, prefix = ''): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (value && typeof value === 'object') {
			for (const [k, v] of entries(value, path)) found.set(k, [...(found.get(k) ?? []), ...v]);
		} else {
			const base = path.replace(PLURAL, '');
			found.set(base, [...(found.get(base) ?? []), String(value)]);
		}
	}
	return found;
}

describe('locales', () => {
	it('come in pairs: every area has an Arabic and an English file', () => {
		const files = Object.keys(import.meta.glob('./locales/*.json')).map((path) =>
			path.replace(/^\.\/locales\//, '')
		);
		const areas = (lang: string) =>
			files
				.filter((f) => f.endsWith(`${lang}.json`))
				.map((f) => f.slice(0, -`${lang}.json`.length));
		expect(areas('ar').sort()).toEqual(areas('en').sort());
	});

	const arabic = entries(ar);
	const english = entries(en);

	it('have the same keys in Arabic and English', () => {
		expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
	});

	it.each([
		['ar', arabic],
		['en', english]
	])('%s has no empty string', (_, map) => {
		for (const [key, values] of map) {
			for (const value of values) expect(value.trim(), key).not.toBe('');
		}
	});

	it('use the same interpolation variables in both languages', () => {
		const vars = (values: string[]) =>
			[...new Set(values.flatMap((v) => v.match(/{{\w+}}/g) ?? []))].sort();
		for (const [key, values] of english) {
			const arabicVars = vars(arabic.get(key) ?? []).filter((v) => v !== '{{count}}');
			expect(arabicVars, key).toEqual(vars(values).filter((v) => v !== '{{count}}'));
		}
	});

	it('give Arabic plurals their own forms', async () => {
		const t = createI18n('ar', await loadMessages('ar', fetch)).t;
		expect(t('library.questions', { count: 2 })).toBe('سؤالان');
		expect(t('library.questions', { count: 5 })).toBe('5 أسئلة');
		const en = createI18n('en', await loadMessages('en', fetch));
		expect(en.t('library.questions', { count: 1 })).toBe('1 question');
	});

	it('put a count beside a word only in a plural key (a bare figure after a colon reads in any number)', () => {
		for (const [lang, tree] of [
			['ar', ar],
			['en', en]
		] as const) {
			const walk = (node: object, path: string): string[] =>
				Object.entries(node).flatMap(([key, value]) =>
					value && typeof value === 'object'
						? walk(value, `${path}${key}.`)
						: String(value).includes('{{count}}') &&
							  !PLURAL.test(key) &&
							  !/:\s*{{count}}$/.test(String(value))
							? [`${lang} ${path}${key}`]
							: []
				);
			expect(walk(tree, '')).toEqual([]);
		}
	});

	it('say how many answers an accepted answer re-graded in the number’s own form', () => {
		const line = { number: 3, text: 'x', name: 'T', date: 'd' };
		const ar = createI18n('ar', teachMessages.ar).t;
		expect(ar('teach.results.acceptedLine', { ...line, count: 1 })).toMatch(/إجابة واحدة$/);
		expect(ar('teach.results.acceptedLine', { ...line, count: 2 })).toMatch(/إجابتين$/);
		expect(ar('teach.results.acceptedLine', { ...line, count: 4 })).toMatch(/4 إجابات$/);
		const en = createI18n('en', teachMessages.en).t;
		expect(en('teach.results.acceptedLine', { ...line, count: 1 })).toMatch(
			/; 1 answer re-graded$/
		);
		expect(en('teach.results.acceptedLine', { ...line, count: 2 })).toMatch(
			/; 2 answers re-graded$/
		);
	});
});

describe('localisePath', () => {
	it.each([
		['/', 'en', '/en'],
		['/en', 'ar', '/'],
		['/lessons/x', 'en', '/en/lessons/x'],
		['/en/lessons/x', 'ar', '/lessons/x'],
		['/en/lessons/x', 'en', '/en/lessons/x'],
		['/english', 'en', '/en/english']
	] as const)('%s in %s is %s', (path, lang, expected) => {
		expect(localisePath(path, lang)).toBe(expected);
	});
});

describe('formatNumber', () => {
	it.each([
		[2024, 'ar', '2,024'],
		[1000000, 'en', '1,000,000'],
		[2.5, 'ar', '2.5'],
		[-3, 'en', '-3']
	] as const)('%s in %s is %s, with Western digits', (value, lang, expected) => {
		expect(formatNumber(value, lang)).toBe(expected);
		// Again, from the formatter kept for the language.
		expect(formatNumber(value, lang)).toBe(expected);
	});

	it('writes small whole numbers as ICU does in both languages', () => {
		const icu = { ar: new Intl.NumberFormat('ar-u-nu-latn'), en: new Intl.NumberFormat('en') };
		for (const lang of LANGS) {
			for (let value = 0; value <= 1001; value++) {
				expect(formatNumber(value, lang)).toBe(icu[lang].format(value));
			}
		}
	});
});

describe('formatPercent', () => {
	it.each([
		[0.4, 'en', '40%'],
		[1, 'en', '100%'],
		[0, 'en', '0%'],
		[0.345, 'en', '35%'],
		[2 / 3, 'en', '67%']
	] as const)('%s in %s is %s', (share, lang, expected) => {
		expect(formatPercent(share, lang)).toBe(expected);
	});

	it('writes Western digits in Arabic, and the Arabic sign ٪ in neither language', () => {
		const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');
		expect(visible(formatPercent(0.4, 'ar'))).toBe('40%');
		expect(visible(formatPercent(0.345, 'ar'))).toBe('35%');
		for (const lang of LANGS) expect(formatPercent(0.34, lang)).not.toMatch(/[٪٠-٩]/);
	});
});

describe('formatDate', () => {
	it.each([
		['2011-06-22', 'en', '22 June 2011'],
		['2014-01-03', 'en', '3 January 2014'],
		['2011-06-22', 'ar', '22 حزيران 2011'],
		['2014-12-31', 'ar', '31 كانون الأول 2014']
	] as const)('%s in %s is %s', async (date, lang, expected) => {
		const { t } = createI18n(lang, await loadMessages(lang, fetch));
		expect(formatDate(date, t)).toBe(expected);
	});

	it('names every month in both languages', async () => {
		for (const lang of LANGS) {
			const { t } = createI18n(lang, await loadMessages(lang, fetch));
			const names = Array.from({ length: 12 }, (_, i) =>
				formatDate(`2020-${String(i + 1).padStart(2, '0')}-01`, t).replace(/^1 | 2020$/g, '')
			);
			expect(new Set(names).size, lang).toBe(12);
			for (const name of names) expect(name, lang).not.toMatch(/date\.|\d/);
		}
	});

	it('leaves what is not a date as it is', async () => {
		const { t } = createI18n('en', await loadMessages('en', fetch));
		for (const text of ['2011-13-01', '2011-6-22', 'June 2011', '']) {
			expect(formatDate(text, t)).toBe(text);
		}
	});
});
