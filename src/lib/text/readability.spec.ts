import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AEGIS_REPORT, BASRA_COLUMN } from './articles.fixture';
import { readability } from './readability';
import { splitSentences } from './sentences';
import { tokenise } from './tokenise';

// What readability counts, the slow way: each sentence tokenised on its own.
function wordsBySentence(paragraph: string): string[][] {
	return splitSentences(paragraph)
		.map((sentence) => tokenise(paragraph.slice(sentence.start, sentence.end)))
		.filter((tokens) => tokens.length > 0)
		.map((tokens) => tokens.map((token) => token.text));
}

// Pieces where sentences and words meet: terminators, closers, numbers, Latin, marks, spaces.
const PIECES = [
	'كتاب',
	'ال',
	'و',
	' ',
	'.',
	'...',
	'!',
	'؟!',
	'۔',
	'…',
	'\n',
	'3',
	'٣',
	'.5',
	',',
	'٫',
	'٬',
	"'",
	'\u2019',
	'"',
	'»',
	')',
	']',
	'U',
	'S',
	'don',
	'\u064E',
	'\u0640',
	'\u200C',
	'،',
	'-'
];

describe('readability', () => {
	it('gives zeros when there are no words', () => {
		const zeros = {
			words: 0,
			sentences: 0,
			wordsPerSentence: 0,
			lettersPerWord: 0,
			longWordShare: 0,
			typeTokenRatio: 0
		};
		expect(readability([])).toEqual(zeros);
		expect(readability(['', '   ', '... ؟ «»'])).toEqual(zeros);
	});

	it('counts a small text by hand', () => {
		// قرا 3, الطالب 6, الكتاب 6, ثم 2, نام 3: 20 letters, two long words.
		expect(readability(['قرأ الطالب الكتاب. ثم نام.'])).toEqual({
			words: 5,
			sentences: 2,
			wordsPerSentence: 2.5,
			lettersPerWord: 4,
			longWordShare: 0.4,
			typeTokenRatio: 1
		});
	});

	it('counts letters after normalisation, so marks and tatweel add nothing', () => {
		const result = readability(['الكِتَابُ الكتـــاب كتاب']);
		expect(result.lettersPerWord).toBe(5.33);
		expect(result.longWordShare).toBe(0.67);
		expect(result.typeTokenRatio).toBe(0.67);
	});

	it('counts numbers as words without letters', () => {
		expect(readability(['عام 2003.'])).toMatchObject({ words: 2, lettersPerWord: 1.5 });
	});

	it('adds paragraphs up and rounds to two decimals', () => {
		expect(readability(['واحد اثنان ثلاثة.', 'اربعة.', 'خمسة ستة سبعة'])).toMatchObject({
			words: 7,
			sentences: 3,
			wordsPerSentence: 2.33
		});
	});

	it('does not count a stray quote mark as a sentence', () => {
		expect(readability(['جملة قصيرة.', '“'])).toMatchObject({ words: 2, sentences: 1 });
	});

	it('rates the two source articles', () => {
		const column = readability([...BASRA_COLUMN]);
		const report = readability([...AEGIS_REPORT]);
		expect(column.sentences).toBe(9);
		expect(report.sentences).toBe(23);
		// The column runs its sentences on far longer than the translated report.
		expect(column.wordsPerSentence).toBeGreaterThan(2 * report.wordsPerSentence);
		for (const result of [column, report]) {
			expect(result.wordsPerSentence).toBe(
				Math.round((result.words / result.sentences) * 100) / 100
			);
			expect(result.lettersPerWord).toBeGreaterThan(4);
			expect(result.lettersPerWord).toBeLessThan(6);
			expect(result.longWordShare).toBeGreaterThan(0);
			expect(result.longWordShare).toBeLessThan(1);
			expect(result.typeTokenRatio).toBeGreaterThan(0);
			expect(result.typeTokenRatio).toBeLessThan(1);
		}
	});

	it('counts the words of each sentence as tokenising that sentence alone would', () => {
		const text = fc
			.array(fc.constantFrom(...PIECES), { maxLength: 40 })
			.map((pieces) => pieces.join(''));
		fc.assert(
			fc.property(text, (paragraph) => {
				const sentences = wordsBySentence(paragraph);
				const words = sentences.flat();
				const figures = readability([paragraph]);
				expect(figures.sentences).toBe(sentences.length);
				expect(figures.words).toBe(words.length);
			}),
			{ numRuns: 2000 }
		);
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			expect(readability([paragraph]).words).toBe(wordsBySentence(paragraph).flat().length);
		}
	});
});
