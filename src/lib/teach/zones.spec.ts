import { describe, expect, it } from 'vitest';
import { cityOf, groupZones, regionOf, REGIONS, zoneLabel } from './zones';

const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '').replace(/\s/g, ' ');
const JULY = new Date('2026-07-01T12:00:00Z');

describe('regionOf and cityOf', () => {
	it('take the region from the first part and the city from the last', () => {
		expect(regionOf('Asia/Baghdad')).toBe('Asia');
		expect(regionOf('America/Argentina/Buenos_Aires')).toBe('America');
		expect(cityOf('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
		expect(cityOf('America/Indiana/Knox')).toBe('Knox');
	});

	it('puts UTC and ids of no known region under Etc', () => {
		expect(regionOf('UTC')).toBe('Etc');
		expect(regionOf('Etc/GMT+3')).toBe('Etc');
		expect(regionOf('Asia')).toBe('Etc');
		expect(regionOf('Mars/Olympus')).toBe('Etc');
	});
});

describe('zoneLabel', () => {
	it('names the city, the generic name and the offset in the page language', () => {
		expect(visible(zoneLabel('Asia/Baghdad', 'en', JULY))).toBe(
			'Baghdad — Arabian Standard Time (GMT+03:00)'
		);
		const ar = visible(zoneLabel('Asia/Baghdad', 'ar', JULY));
		expect(ar).toMatch(/^Baghdad — التوقيت العربي/);
		expect(ar).toMatch(/\(غرينتش\+03:00\)$/);
	});

	it('writes the offset of the given moment (summer time included)', () => {
		expect(zoneLabel('Europe/London', 'en', JULY)).toContain('GMT+01:00');
		expect(zoneLabel('Europe/London', 'en', new Date('2026-01-15T12:00:00Z'))).toMatch(
			/\(GMT(\+00:00)?\)$/
		);
	});

	it('falls back to the city for a zone the runtime does not know', () => {
		expect(zoneLabel('Mars/Olympus_Mons', 'en', JULY)).toBe('Olympus Mons');
	});
});

describe('groupZones', () => {
	const ids = Intl.supportedValuesOf('timeZone');

	it('groups every canonical zone once, by region in a fixed order, with UTC', () => {
		const groups = groupZones(ids, 'en', undefined, JULY);
		const regions = groups.map((group) => group.region);
		expect(regions).toEqual(REGIONS.filter((region) => regions.includes(region)));
		expect(regions).toContain('Asia');
		const listed = groups.flatMap((group) => group.zones.map((zone) => zone.id));
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort()).toEqual([...new Set([...ids, 'UTC'])].sort());
		for (const group of groups) {
			for (const zone of group.zones) expect(regionOf(zone.id)).toBe(group.region);
		}
	});

	it('leaves out link names such as US/Eastern and Etc/GMT+3', () => {
		const listed = groupZones(ids, 'en', undefined, JULY).flatMap((g) => g.zones.map((z) => z.id));
		for (const alias of ['US/Eastern', 'Etc/GMT+3', 'Iraq', 'GB', 'Asia/Riyadh87']) {
			expect(listed).not.toContain(alias);
		}
	});

	it('sorts each group by its label in the page language', () => {
		const asia = groupZones(['Asia/Tokyo', 'Asia/Amman', 'Asia/Baghdad'], 'en', undefined, JULY);
		expect(asia[0]!.zones.map((zone) => zone.id)).toEqual([
			'Asia/Amman',
			'Asia/Baghdad',
			'Asia/Tokyo'
		]);
		expect(asia.at(-1)).toEqual({
			region: 'Etc',
			zones: [{ id: 'UTC', label: zoneLabel('UTC', 'en', JULY) }]
		});
	});

	it('names the zones once an hour per language, not on every page', () => {
		const first = groupZones(ids, 'ar', undefined, JULY);
		expect(groupZones(ids, 'ar', undefined, new Date(JULY.getTime() + 60_000))).toBe(first);
		expect(groupZones(ids, 'en', undefined, JULY)).not.toBe(first);
		const winter = groupZones(ids, 'ar', undefined, new Date('2026-01-15T12:00:00Z'));
		expect(winter).not.toBe(first);
		const london = (groups: typeof first) =>
			groups.flatMap((g) => g.zones).find((z) => z.id === 'Europe/London')!.label;
		expect(london(winter)).not.toBe(london(first));
	});

	it("keeps the class's zone when the list lacks it", () => {
		const groups = groupZones(['Asia/Baghdad'], 'ar', 'Europe/Kyiv', JULY);
		expect(groups.map((group) => group.region)).toEqual(['Asia', 'Europe', 'Etc']);
		expect(groups[1]!.zones[0]!.id).toBe('Europe/Kyiv');
	});
});
