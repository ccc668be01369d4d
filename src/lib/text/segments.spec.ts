import { describe, expect, it } from 'vitest';
import { segments, sentenceRuns } from './segments';

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

describe('sentenceRuns', () => {
	// The two sentences of TEXT, as splitSentences gives them (the space between belongs to neither).
	const sentences = [
		{ start: 0, end: 30 },
		{ start: 31, end: 64 }
	];

	it('makes each sentence one run with its index, and keeps the text whole', () => {
		const runs = sentenceRuns(TEXT, sentences);
		expect(runs.map((r) => r.text).join('')).toBe(TEXT);
		expect(runs.map((r) => r.sentence)).toEqual([0, undefined, 1]);
		expect(runs[0]!.text).toBe('صوّت مجلس المحافظة على القرار.');
		expect(runs[1]).toEqual({ text: ' ', start: 30 });
	});

	it('keeps text before the first and after the last sentence as plain runs', () => {
		expect(
			sentenceRuns('  One. Two.  ', [
				{ start: 2, end: 6 },
				{ start: 7, end: 11 }
			])
		).toEqual([
			{ text: '  ', start: 0 },
			{ text: 'One.', start: 2, sentence: 0 },
			{ text: ' ', start: 6 },
			{ text: 'Two.', start: 7, sentence: 1 },
			{ text: '  ', start: 11 }
		]);
	});

	it('never repeats text when spans overlap or run past the end', () => {
		const runs = sentenceRuns('abcdef', [
			{ start: 0, end: 4 },
			{ start: 2, end: 9 }
		]);
		expect(runs.map((r) => r.text).join('')).toBe('abcdef');
		expect(runs.map((r) => r.sentence)).toEqual([0, 1]);
		expect(sentenceRuns('', [{ start: 0, end: 3 }])).toEqual([]);
	});
});
