import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWords, MIN_LETTERS_FOR_EDIT, withinOneEdit, wordForms } from './fuzzy';
import { normalise } from './normalise';

const compare = (word: string, reference: string) =>
	compareWords(wordForms(normalise(word, { lenient: true })), wordForms(normalise(reference)));

describe('withinOneEdit', () => {
	it.each([
		['abc', 'abc', true],
		['abc', 'abd', true],
		['abc', 'ab', true],
		['abc', 'xabc', true],
		['abc', 'acb', false],
		['abc', 'a', false],
		['', 'a', true],
		['', '', true]
	])('%s and %s: %s', (a, b, expected) => {
		expect(withinOneEdit([...a], [...b])).toBe(expected);
		expect(withinOneEdit([...b], [...a])).toBe(expected);
	});

	it('agrees with the edit distance being at most one', () => {
		const distance = (a: string[], b: string[]) => {
			let row = Array.from({ length: b.length + 1 }, (_, j) => j);
			for (let i = 1; i <= a.length; i++) {
				const next = [i];
				for (let j = 1; j <= b.length; j++) {
					next[j] = Math.min(
						row[j]! + 1,
						next[j - 1]! + 1,
						row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
					);
				}
				row = next;
			}
			return row[b.length]!;
		};
		const word = fc.array(fc.constantFrom('ا', 'ب', 'ت', 'ه'), { maxLength: 7 });
		fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === distance(a, b) <= 1));
	});
});

describe('compareWords', () => {
	it.each([
		['توجيه', 'توجيه', 'exact'],
		['تُوجِيه', 'توجيه', 'exact'],
		['وتوجيه', 'توجيه', 'form'],
		['بالاتفاقية', 'الاتفاقية', 'form'],
		['تشديد', 'تمديد', 'near'],
		// The accusative alef of قراراً is a spelling of the same word.
		['القرار', 'قراراً', 'form'],
		['عاماً', 'العام', 'form'],
		['أنا', 'أن', null],
		['القاعدة', 'تقاعده', 'near'],
		['agreemnt', 'agreement', 'near'],
		// Four letters: a slip would make another word.
		['كلاب', 'كتاب', null],
		['والكلاب', 'والكتاب', null],
		['2015', '2014', null],
		['20145', '2014', null],
		['تشديد', 'توجيه', null],
		// The feminine ending makes another word: the province, not the governor.
		['المحافظة', 'المحافظ', null],
		['المحافظ', 'المحافظة', null],
		['المحافض', 'المحافظ', 'near']
	] as const)('%s against %s: %s', (word, reference, expected) => {
		expect(compare(word, reference)).toBe(expected);
	});

	it(`gives a slip only to a stem of ${MIN_LETTERS_FOR_EDIT} letters or more`, () => {
		expect(compare('درست', 'درسة')).toBeNull();
		expect(compare('مدرست', 'مدرسة')).toBe('near');
	});
});
