import { describe, expect, it } from 'vitest';
import { AEGIS_REPORT, BASRA_COLUMN } from './articles.fixture';
import { normalise } from './normalise';
import { stems, tokenise, tokenised } from './tokenise';

const words = (text: string) => tokenise(text).map((token) => token.text);

describe('tokenise', () => {
	it.each([
		[
			'quote mark and numbers',
			'إن "26 عضواً من أصل 35 في',
			['إن', '26', 'عضواً', 'من', 'أصل', '35', 'في']
		],
		['vowel marks stay inside', 'وَالمَدْرَسَةُ الكبيرة', ['وَالمَدْرَسَةُ', 'الكبيرة']],
		['tatweel stays inside', 'كتـــاب', ['كتـــاب']],
		['full stop without a space', 'على الاقل.المبادرة', ['على', 'الاقل', 'المبادرة']],
		['number glued to a word', 'عام 2003.بعدها', ['عام', '2003', 'بعدها']],
		['Latin comma without a space', 'العون, المشورة,التدريب', ['العون', 'المشورة', 'التدريب']],
		['Arabic comma without a space', 'الاقل،المبادرة', ['الاقل', 'المبادرة']],
		['decimal number', 'نحو 3.5 كم', ['نحو', '3.5', 'كم']],
		['Arabic-Indic number with separators', '١٬٠٠٠ و٣٫٥', ['١٬٠٠٠', 'و٣٫٥']],
		['Latin contraction', "don't stop", ["don't", 'stop']],
		['mixed scripts', 'ايجيس  Aegis للخدمات', ['ايجيس', 'Aegis', 'للخدمات']],
		['brackets', 'بينز (56 عاما)', ['بينز', '56', 'عاما']],
		['reversed quotes', '” تكريم ”  له', ['تكريم', 'له']],
		['presentation form', 'ﻻ تزال', ['ﻻ', 'تزال']],
		['zero-width non-joiner stays inside', 'می\u200Cخواهم', ['می\u200Cخواهم']],
		['a lone tatweel is not a word', 'كلمة ـــ كلمة', ['كلمة', 'كلمة']]
	])('%s', (_, text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	it.each([
		['empty', ''],
		['spaces', '   \n\t'],
		['punctuation only', '،؛؟ ... «» “” !'],
		['controls only', '\u200F\u202B\u2066\uFEFF'],
		['marks only', '\u064E\u0651']
	])('finds no word in %s', (_, text) => {
		expect(tokenise(text)).toEqual([]);
	});

	it('gives offsets into the original string', () => {
		const text = 'إن "26 عضواً';
		expect(tokenise(text)).toEqual([
			{ text: 'إن', start: 0, end: 2 },
			{ text: '26', start: 4, end: 6 },
			{ text: 'عضواً', start: 7, end: 12 }
		]);
	});

	it('tokens of the articles match their offsets, in order, with no punctuation at the edges', () => {
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			let previousEnd = 0;
			for (const token of tokenise(paragraph)) {
				expect(paragraph.slice(token.start, token.end)).toBe(token.text);
				expect(token.start).toBeGreaterThanOrEqual(previousEnd);
				expect(token.text).not.toMatch(/^[\p{P}\s]|[\p{P}\s]$/u);
				previousEnd = token.end;
			}
		}
	});

	it('gives the same words as normalise for the articles', () => {
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			const fromTokens = tokenise(paragraph)
				.map((token) => normalise(token.text))
				.join(' ');
			expect(fromTokens).toBe(normalise(paragraph));
		}
	});
});

describe('stems', () => {
	it.each([
		['plain word', 'مدرسه', ['مدرسه']],
		['conjunction and article', 'والمدرسه', ['والمدرسه', 'المدرسه', 'مدرسه']],
		['conjunction fa', 'فالمدرسه', ['فالمدرسه', 'المدرسه', 'مدرسه']],
		['preposition and article', 'بالتاكيد', ['بالتاكيد', 'التاكيد', 'تاكيد']],
		['kaf and article', 'كالمدرسه', ['كالمدرسه', 'المدرسه', 'مدرسه']],
		['lam with the article', 'للاستثمار', ['للاستثمار', 'لاستثمار', 'استثمار']],
		['conjunction, lam and article', 'وللاحزاب', ['وللاحزاب', 'للاحزاب', 'لاحزاب', 'احزاب']],
		['conjunction, preposition, article', 'وبالامس', ['وبالامس', 'بالامس', 'الامس', 'امس']],
		['article only', 'الالتزام', ['الالتزام', 'التزام']],
		['conjunction before the article', 'والالتزام', ['والالتزام', 'الالتزام', 'التزام']],
		['preposition alone', 'بمسووليه', ['بمسووليه', 'مسووليه']],
		['indefinite with lam', 'لتمديد', ['لتمديد', 'تمديد']]
	])('%s: %s', (_, word, expected) => {
		expect(stems(word)).toEqual(expected);
	});

	it.each([
		['two letters after the article', 'الله', ['الله', 'له']],
		['one letter after lam-lam', 'لله', ['لله', 'له']],
		['one letter after a preposition', 'بك', ['بك']],
		['the article alone', 'ال', ['ال']],
		['conjunction and bare article', 'وال', ['وال', 'ال']],
		['single letter', 'و', ['و']]
	])('never leaves fewer than two letters: %s', (_, word, expected) => {
		expect(stems(word)).toEqual(expected);
	});

	it('gives nothing for an empty word and leaves Latin and numbers alone', () => {
		expect(stems('')).toEqual([]);
		expect(stems('aegis')).toEqual(['aegis']);
		expect(stems('2014')).toEqual(['2014']);
	});

	it('never repeats a form, and always starts with the word itself', () => {
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			for (const word of normalise(paragraph, { lenient: true }).split(' ')) {
				const forms = stems(word);
				expect(forms[0]).toBe(word);
				expect(new Set(forms).size).toBe(forms.length);
				for (const form of forms) expect(word.endsWith(form)).toBe(true);
			}
		}
	});
});

describe('tokenised', () => {
	it("gives tokenise's words, and the same array again for the same text", () => {
		const text = 'على الاقل.المبادرة نحو 3.5 كم';
		const first = tokenised(text);
		expect(first).toEqual(tokenise(text));
		expect(tokenised(text)).toBe(first);
	});
});
