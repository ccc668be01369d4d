/**
 * How the teacher's pages write dates, times and shares, in the UI language with Western digits
 * (as `formatNumber` does), so the server's HTML and the browser's agree.
 */
import type { Lang } from '$lib/i18n';

const locale = (lang: Lang) => (lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB');

/** A share from 0 to 1 as a whole percentage ("67%"); a dash when there is none. */
export function formatPercent(share: number | null, lang: Lang): string {
	if (share === null || !Number.isFinite(share)) return '—';
	// One formatter per language: making one costs far more than using it, and a results page
	// writes a share per student and per question.
	let format = percentFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 });
		percentFormats.set(lang, format);
	}
	return format.format(share);
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as `YYYY-MM-DD HH:MM` on the wall clock of a time zone: what a spreadsheet reads as
 * a date and time, in the class's own hours rather than UTC.
 */
export function wallClock(iso: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	let format = wallClocks.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		wallClocks.set(timeZone, format);
	}
	const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
	return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** A calendar date `YYYY-MM-DD` (a due date) as "31 Mar 2025"; it names a day, not an instant. */
export function formatDay(date: string, lang: Lang): string {
	return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}

/** An instant as date and time on the wall clock of the class's time zone. */
export function formatInstant(iso: string, lang: Lang, timeZone: string): string {
	return new Intl.DateTimeFormat(locale(lang), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(iso));
}

/** The time zones a class may use: `first` (the default), then the rest alphabetically. */
export function timeZones(first: string): string[] {
	const all = new Set(Intl.supportedValuesOf('timeZone'));
	all.add('UTC');
	all.delete(first);
	return [first, ...[...all].sort()];
}
