/**
 * The class time-zone picker's choices: the runtime's canonical IANA zones (no `US/Eastern`,
 * `Etc/GMT+3` or other link names), grouped by the region their id begins with, each written in
 * the page's language as its city, its generic name and its offset from UTC ("Baghdad — Arabian
 * Standard Time (GMT+03:00)"). The value stored stays the IANA id.
 */
import type { Lang } from '$lib/i18n';

/** The regions an IANA zone id begins with, in the order the picker lists them. */
export const REGIONS = [
	'Africa',
	'America',
	'Antarctica',
	'Arctic',
	'Asia',
	'Atlantic',
	'Australia',
	'Europe',
	'Indian',
	'Pacific',
	'Etc'
] as const;

export type Region = (typeof REGIONS)[number];

export interface ZoneChoice {
	/** The IANA id, as stored. */
	id: string;
	label: string;
}

export interface ZoneGroup {
	region: Region;
	zones: ZoneChoice[];
}

/** The region a zone id belongs to; `Etc` for `UTC` and anything without a known first part. */
export function regionOf(id: string): Region {
	const first = id.split('/')[0]!;
	return (REGIONS as readonly string[]).includes(first) && id.includes('/')
		? (first as Region)
		: 'Etc';
}

/** The city a zone id names: its last part, with spaces for underscores. */
export function cityOf(id: string): string {
	return id.split('/').pop()!.replace(/_/g, ' ');
}

const locale = (lang: Lang) => (lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB');

function zoneName(id: string, lang: Lang, style: 'longGeneric' | 'longOffset', at: Date): string {
	try {
		return (
			new Intl.DateTimeFormat(locale(lang), { timeZone: id, timeZoneName: style })
				.formatToParts(at)
				.find((part) => part.type === 'timeZoneName')?.value ?? ''
		);
	} catch {
		// A zone this runtime does not know: the id alone names it.
		return '';
	}
}

/** "City — generic name (offset)", or less where the runtime has no name. */
export function zoneLabel(id: string, lang: Lang, at: Date = new Date()): string {
	const city = cityOf(id);
	const generic = zoneName(id, lang, 'longGeneric', at);
	const offset = zoneName(id, lang, 'longOffset', at);
	const name = generic && generic !== offset ? `${city} — ${generic}` : city;
	return offset ? `${name} (${offset})` : name;
}

// Naming 418 zones makes 836 formatters: about 250 ms, far too much for each page. The names
// change only with the language and, for offsets, at the hour (summer time begins on one).
const grouped = new Map<string, ZoneGroup[]>();

/**
 * The zones grouped by region in `REGIONS`' order, each group sorted by label in `lang`'s
 * collation. `keep` (the class's current zone) is listed even when `ids` lacks it. Remembered
 * per language, list and hour, so a page pays for it once an hour.
 *
 * @param ids canonical zone ids, e.g. `Intl.supportedValuesOf('timeZone')`
 */
export function groupZones(
	ids: readonly string[],
	lang: Lang,
	keep?: string,
	at = new Date()
): ZoneGroup[] {
	const all = keep && !ids.includes(keep) ? [...ids, keep] : ids;
	const key = `${lang} ${at.toISOString().slice(0, 13)} ${all.join(',')}`;
	let groups = grouped.get(key);
	if (!groups) {
		groups = computeGroups(all, lang, at);
		// A handful of keys at a time (two languages, this hour and maybe the last).
		if (grouped.size >= 8) grouped.clear();
		grouped.set(key, groups);
	}
	return groups;
}

function computeGroups(ids: readonly string[], lang: Lang, at: Date): ZoneGroup[] {
	const all = new Set(ids);
	all.add('UTC');
	const collator = new Intl.Collator(lang);
	const groups = new Map<Region, ZoneChoice[]>();
	for (const id of all) {
		const region = regionOf(id);
		const list = groups.get(region) ?? [];
		list.push({ id, label: zoneLabel(id, lang, at) });
		groups.set(region, list);
	}
	return REGIONS.flatMap((region): ZoneGroup[] => {
		const zones = groups.get(region);
		if (!zones) return [];
		zones.sort((a, b) => collator.compare(a.label, b.label) || (a.id < b.id ? -1 : 1));
		return [{ region, zones }];
	});
}
