import { describe, expect, it } from 'vitest';
import { findQuote } from '$lib/text';
import { cutAround, evidenceFromSelection, evidenceIn, sentencesHolding } from './evidence';

const AR = 'وقال رئيسُ المجلس إن الحديقة تضم ثلاثمئة شجرة. وأضاف أن الحديقة مجانية للسكان.';
const EN = 'The park has three hundred trees. He added that the park is free for residents.';

/** The offsets of `words` in `text`, from its `nth` occurrence (0 for the first). */
function select(text: string, words: string, nth = 0): [number, number] {
	let at = -1;
	for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
	if (at < 0) throw new Error(`"${words}" is not in the text`);
	return [at, at + words.length];
}

describe('evidence set by selection', () => {
	it('stores the selected words as they are written, found where they were selected', () => {
		const choice = evidenceFromSelection(AR, ...select(AR, 'الحديقة تضم ثلاثمئة شجرة'));
		expect(choice).toEqual({
			ok: true,
			text: 'الحديقة تضم ثلاثمئة شجرة',
			span: { start: AR.indexOf('الحديقة'), end: AR.indexOf('شجرة') + 4 },
			widened: false
		});
		// Vowel marks stay: the quote is the paragraph's own text.
		const marked = evidenceFromSelection(AR, ...select(AR, 'رئيسُ المجلس'));
		expect(marked).toMatchObject({ ok: true, text: 'رئيسُ المجلس' });
	});

	it('takes a word cut by the selection whole, and leaves out the spaces and marks around it', () => {
		const [start, end] = select(EN, 'ark has three hund');
		expect(evidenceFromSelection(EN, start, end)).toMatchObject({
			ok: true,
			text: 'park has three hundred',
			widened: false
		});
		// Selected backwards (focus before anchor), with the full stop and a space.
		const [s, e] = select(EN, ' three hundred trees. ');
		expect(evidenceFromSelection(EN, e, s)).toMatchObject({ text: 'three hundred trees' });
		// Punctuation inside the selection stays, as the compiler ignores it.
		const across = evidenceFromSelection(EN, ...select(EN, 'trees. He'));
		expect(across).toMatchObject({ ok: true, text: 'trees. He' });
	});

	it('widens words that occur earlier until they point at the place selected', () => {
		// "the park" occurs first in the first sentence; the second one is selected.
		const [start, end] = select(EN.toLowerCase(), 'the park', 1);
		const choice = evidenceFromSelection(EN, start, end);
		expect(choice).toMatchObject({ ok: true, text: 'the park is', widened: true });
		if (!choice.ok) throw new Error('a choice');
		expect(findQuote(EN, choice.text)).toEqual(choice.span);
		expect(choice.span.start).toBe(start);
		// The Arabic too: the second الحديقة, then the words after it tell them apart.
		const ar = evidenceFromSelection(AR, ...select(AR, 'الحديقة', 1));
		expect(ar).toMatchObject({ ok: true, text: 'الحديقة مجانية', widened: true });
	});

	it('widens before the selection when it ends the paragraph', () => {
		const text = 'Free entry. Free entry';
		const choice = evidenceFromSelection(text, ...select(text, 'Free entry', 1));
		expect(choice).toMatchObject({ ok: true, text: 'entry. Free entry', widened: true });
		if (!choice.ok) throw new Error('a choice');
		expect(findQuote(text, choice.text)).toEqual(choice.span);
	});

	it('refuses a selection without words, and brings bad offsets inside the paragraph', () => {
		expect(evidenceFromSelection(EN, 5, 5)).toEqual({ ok: false, reason: 'no-words' });
		expect(evidenceFromSelection('', 0, 3)).toEqual({ ok: false, reason: 'no-words' });
		expect(evidenceFromSelection(EN, ...select(EN, '. '))).toEqual({
			ok: false,
			reason: 'no-words'
		});
		expect(evidenceFromSelection('«…» ، ؟', 0, 7)).toEqual({ ok: false, reason: 'no-words' });
		expect(evidenceFromSelection(EN, NaN, NaN)).toEqual({ ok: false, reason: 'no-words' });
		// Past the end and before the start: the whole paragraph.
		const all = evidenceFromSelection(EN, -10, 10_000);
		expect(all).toMatchObject({ ok: true, text: EN.slice(0, -1), widened: false });
		expect(evidenceFromSelection(EN, 3.9, 0.2)).toMatchObject({ text: 'The' });
	});

	it('finds a stored quote as the compiler does, and the sentences an evidence answer may tap', () => {
		expect(evidenceIn(EN, 'THREE hundred  trees')).toEqual({
			start: EN.indexOf('three'),
			end: EN.indexOf(' trees') + 6
		});
		expect(evidenceIn(EN, 'four hundred trees')).toBeNull();
		expect(evidenceIn(EN, '   ')).toBeNull();
		const span = evidenceIn(EN, 'trees. He added')!;
		expect(sentencesHolding(EN, span)).toEqual([
			'The park has three hundred trees.',
			'He added that the park is free for residents.'
		]);
		expect(sentencesHolding(AR, evidenceIn(AR, 'مجانية')!)).toEqual([
			'وأضاف أن الحديقة مجانية للسكان.'
		]);
		expect(cutAround('abcdef', { start: 2, end: 4 })).toEqual({
			before: 'ab',
			marked: 'cd',
			after: 'ef'
		});
	});
});
