import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, formatPercent, timeZones, wallClock } from './format';

// ICU puts direction marks and narrow spaces around some parts; compare what a reader sees.
const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '').replace(/\s/g, ' ');

describe('formatPercent', () => {
	it('writes whole percentages with Western digits in both languages', () => {
		expect(formatPercent(2 / 3, 'en')).toBe('67%');
		expect(visible(formatPercent(2 / 3, 'ar'))).toMatch(/^67 ?[%٪]$/);
		expect(formatPercent(0, 'en')).toBe('0%');
		expect(formatPercent(1, 'en')).toBe('100%');
	});

	it('writes a dash when there is nothing to count', () => {
		expect(formatPercent(null, 'en')).toBe('—');
		expect(formatPercent(Number.NaN, 'ar')).toBe('—');
	});
});

describe('formatDay', () => {
	it('names the calendar day whatever the time zone', () => {
		expect(formatDay('2025-03-31', 'en')).toBe('31 Mar 2025');
		expect(visible(formatDay('2025-03-31', 'ar'))).toContain('31');
		expect(visible(formatDay('2025-03-31', 'ar'))).toContain('2025');
		expect(formatDay('2025-01-01', 'en')).toBe('1 Jan 2025');
	});
});

describe('formatInstant', () => {
	it("uses the class's wall clock", () => {
		expect(formatInstant('2025-03-31T21:30:00Z', 'en', 'Asia/Baghdad')).toBe('1 Apr 2025, 00:30');
		expect(formatInstant('2025-03-31T21:30:00Z', 'en', 'UTC')).toBe('31 Mar 2025, 21:30');
		expect(visible(formatInstant('2025-03-31T21:30:00Z', 'ar', 'Asia/Baghdad'))).toContain('2025');
	});
});

describe('timeZones', () => {
	it('puts the default first, once, and includes UTC', () => {
		const zones = timeZones('Asia/Baghdad');
		expect(zones[0]).toBe('Asia/Baghdad');
		expect(zones.filter((zone) => zone === 'Asia/Baghdad')).toHaveLength(1);
		expect(zones).toContain('UTC');
		expect(zones).toContain('Africa/Cairo');
		expect(zones.slice(1)).toEqual([...zones.slice(1)].sort());
	});
});

describe('wallClock', () => {
	it('writes an instant on the class’s clock, as a spreadsheet reads it', () => {
		expect(wallClock('2030-03-31T21:00:00.000Z', 'Asia/Baghdad')).toBe('2030-04-01 00:00');
		expect(wallClock('2030-07-01T12:05:00.000Z', 'Europe/London')).toBe('2030-07-01 13:05');
		expect(wallClock('not a time', 'UTC')).toBe('');
	});
});
