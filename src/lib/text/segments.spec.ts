import { describe, expect, it } from 'vitest';
import { segments } from './segments';

const TEXT = 'صوّت مجلس المحافظة على القرار. وقال رئيس الكتلة إن القرار نهائي.';
const council = { start: 5, end: 18, entry: 0 };
const decision = { start: 23, end: 29, entry: 1 };

describe('segments', () => {
	it('gives back the whole text in order', () => {
		const runs = segments(TEXT, [council, decision], { start: 31, end: 63 });
		expect(runs.map((r) => r.text).join('')).toBe(TEXT);
		expect(runs.every((r, i) => i === 0 || r.start > runs[i - 1]!.start)).toBe(true);
	});

	it('makes each glossary span one run with its entry', () => {
		const runs = segments(TEXT, [council, decision]);
		expect(runs.filter((r) => r.entry !== undefined).map((r) => [r.text, r.entry])).toEqual([
			['مجلس المحافظة', 0],
			['القرار', 1]
		]);
	});

	it('marks the evidence, splitting a glossary word only where the evidence edge is', () => {
		const runs = segments(TEXT, [council], { start: 10, end: 29 });
		expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['المحافظة', ' على القرار']);
		expect(runs.filter((r) => r.entry === 0).map((r) => r.text)).toEqual(['مجلس ', 'المحافظة']);
	});

	it('handles no spans, an empty text and spans out of range', () => {
		expect(segments(TEXT, [])).toEqual([{ text: TEXT, start: 0, entry: undefined, marked: false }]);
		expect(segments('', [])).toEqual([]);
		expect(segments('abc', [], { start: 1, end: 99 }).map((r) => r.text)).toEqual(['a', 'bc']);
	});
});
