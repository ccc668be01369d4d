/**
 * Reading a short typed text as words and numbers, so that a number is the same number however it
 * is written: Western or Arabic-Indic digits, with thousands separators (1,000, ١٬٠٠٠), in words
 * in Arabic or English (ستة وخمسون, "fifty-six", ألف, "a thousand"), or glued to a unit or a year
 * suffix (14كم, 14km, 2007م). Pure, for grading on the phone and on the server alike.
 */
import { BIDI_CONTROLS } from './normalise';
import { normalise } from './normalise';

/** One piece of a text read by `readNumbers`: a word as `normalise` (lenient) gives it, or a number. */
export type Reading = { kind: 'word'; text: string } | { kind: 'number'; value: string };

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;

// Digits, with thousands separators only between groups of exactly three (so "1,5" stays two
// numbers, as a reader could not tell), and a decimal part. Arabic ٬ and ٫ are the thousands and
// decimal separators; the apostrophe is the Swiss thousands mark some keyboards offer.
const NUMBER = /\d+(?:[,\u066C'\u2019]\d{3}(?!\d))*(?:[.\u066B]\d+)?/g;
const SEPARATORS = /[,\u066C'\u2019]/g;

// The clitics that may be typed apart from their word: "و سبعة" is "وسبعة".
const CLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);

/** How a number word counts: added, a hundred that multiplies, or a scale (thousand, million). */
interface NumberWord {
	value: number;
	kind: 'add' | 'hundred' | 'scale';
}

const add = (value: number): NumberWord => ({ value, kind: 'add' });
const scale = (value: number): NumberWord => ({ value, kind: 'scale' });

function table(entries: [string[], NumberWord][]): Map<string, NumberWord> {
	const map = new Map<string, NumberWord>();
	for (const [words, meaning] of entries) {
		for (const word of words) map.set(normalise(word, { lenient: true }), meaning);
	}
	return map;
}

const UNITS_AR: [string[], number][] = [
	[['ثلاث', 'ثلاثة'], 3],
	[['أربع', 'أربعة'], 4],
	[['خمس', 'خمسة'], 5],
	[['ست', 'ستة'], 6],
	[['سبع', 'سبعة'], 7],
	[['ثمان', 'ثماني', 'ثمانية'], 8],
	[['تسع', 'تسعة'], 9]
];

const TENS_AR: [string[], number][] = [
	[['عشرون', 'عشرين'], 20],
	[['ثلاثون', 'ثلاثين'], 30],
	[['أربعون', 'أربعين'], 40],
	[['خمسون', 'خمسين'], 50],
	[['ستون', 'ستين'], 60],
	[['سبعون', 'سبعين'], 70],
	[['ثمانون', 'ثمانين'], 80],
	[['تسعون', 'تسعين'], 90]
];

const ENGLISH = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen'
];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const NUMBER_WORDS = table([
	[['صفر'], add(0)],
	[['واحد', 'واحدة'], add(1)],
	[['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'], add(2)],
	...UNITS_AR.map(([words, value]): [string[], NumberWord] => [words, add(value)]),
	[['عشر', 'عشرة'], add(10)],
	...TENS_AR.map(([words, value]): [string[], NumberWord] => [words, add(value)]),
	[['مئة', 'مائة', 'مية'], { value: 100, kind: 'hundred' }],
	[['مئتان', 'مئتين', 'مائتان', 'مائتين', 'ميتين'], add(200)],
	// Three hundred to nine hundred are written as one word: ثلاثمائة, خمسمئة.
	...UNITS_AR.map(([words, value]): [string[], NumberWord] => [
		[`${words[0]}مئة`, `${words[0]}مائة`],
		add(value * 100)
	]),
	[['ألف', 'ألفا', 'آلاف', 'ألوف'], scale(1e3)],
	[['ألفان', 'ألفين'], add(2e3)],
	[['مليون', 'مليونا', 'ملايين'], scale(1e6)],
	[['مليونان', 'مليونين'], add(2e6)],
	[['مليار', 'مليارا', 'مليارات', 'بليون'], scale(1e9)],
	[['ملياران', 'مليارين'], add(2e9)],
	...ENGLISH.map((word, value): [string[], NumberWord] => [[word], add(value)]),
	...ENGLISH_TENS.map((word, i): [string[], NumberWord] => [[word], add(20 + i * 10)]),
	[['hundred'], { value: 100, kind: 'hundred' }],
	[['thousand'], scale(1e3)],
	[['million'], scale(1e6)],
	[['billion'], scale(1e9)]
]);

// أحد/إحدى mean "one of" on their own; only before عشر are they the one of eleven.
const ONE_OF_ELEVEN = new Set(['احد', 'احدي']);
// "a thousand": the article is one only before a hundred or a scale.
const ARTICLES = new Set(['a', 'an']);

/** A number word, also with the conjunction و on it (وخمسون). */
function numberWord(word: string): NumberWord | undefined {
	return (
		NUMBER_WORDS.get(word) ?? (word.startsWith('و') ? NUMBER_WORDS.get(word.slice(1)) : undefined)
	);
}

/** Digits as one canonical string: no separators, no leading zeros, no trailing decimal zeros. */
function digitValue(digits: string): string {
	const [whole = '', fraction = ''] = digits
		.replace(SEPARATORS, '')
		.replace('\u066B', '.')
		.split('.');
	const integer = whole.replace(/^0+(?=\d)/, '');
	const decimals = fraction.replace(/0+$/, '');
	return decimals === '' ? integer : `${integer}.${decimals}`;
}

/** The words of a stretch of text without digits, with clitics typed apart joined to their word. */
function wordsOf(text: string, into: Reading[]) {
	let clitics = '';
	for (const word of normalise(text, { lenient: true }).split(' ')) {
		if (word === '') continue;
		if (CLITICS.has(word)) {
			clitics += word;
			continue;
		}
		into.push({ kind: 'word', text: clitics + word });
		clitics = '';
	}
	// A clitic before a number or at the end is dropped: "و 2007" is 2007.
}

const wordAt = (items: readonly Reading[], i: number) => {
	const item = items[i];
	return item?.kind === 'word' ? item.text : undefined;
};

/** Whether the item at `i` is a hundred or a scale word, which a preceding "a" or digits multiply. */
function multiplierAt(items: readonly Reading[], i: number): boolean {
	const kind = numberWord(wordAt(items, i) ?? '')?.kind;
	return kind === 'hundred' || kind === 'scale';
}

/**
 * The number written in words from item `i` (or digits then a scale: "14 ألف", "1.5 million"),
 * and the item after it; undefined when no number starts there.
 */
function readRun(
	items: readonly Reading[],
	i: number
): { value: string; next: number } | undefined {
	let total = 0;
	let current = 0;
	let found = false;
	let j = i;
	const first = items[j];
	if (first?.kind === 'number') {
		if (!multiplierAt(items, j + 1)) return undefined;
		current = Number(first.value);
		found = true;
		j++;
	}
	for (; j < items.length; j++) {
		const word = wordAt(items, j);
		if (word === undefined) break;
		const meaning = numberWord(word);
		if (meaning === undefined) {
			if (found && word === 'and' && numberWord(wordAt(items, j + 1) ?? '') !== undefined) continue;
			if (!found && ARTICLES.has(word) && multiplierAt(items, j + 1)) {
				current = 1;
				found = true;
				continue;
			}
			if (ONE_OF_ELEVEN.has(word) && numberWord(wordAt(items, j + 1) ?? '')?.value === 10) {
				current += 1;
				found = true;
				continue;
			}
			break;
		}
		found = true;
		if (meaning.kind === 'add') current += meaning.value;
		else if (meaning.kind === 'hundred') current = (current || 1) * meaning.value;
		else {
			total += (current || 1) * meaning.value;
			current = 0;
		}
	}
	if (!found) return undefined;
	const value = total + current;
	return {
		value: Number.isSafeInteger(value) ? String(value) : digitValue(String(value)),
		next: j
	};
}

/**
 * Reads a text as words and numbers. Words are normalised leniently (`normalise`), with a clitic
 * typed apart joined to the word after it. Digits of any script, with thousands separators, are
 * one number, whatever letters touch them (14كم is 14 and كم); runs of number words in Arabic or
 * English are one number (ألفين وسبعة, "two thousand and seven", "a thousand").
 *
 * @returns the pieces in order; numbers as canonical decimal strings ("1000", "3.5")
 */
export function readNumbers(text: string): Reading[] {
	const folded = text
		.normalize('NFKC')
		.replace(BIDI_CONTROLS_ALL, '')
		.replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x06f0));
	const pieces: Reading[] = [];
	let last = 0;
	for (const match of folded.matchAll(NUMBER)) {
		wordsOf(folded.slice(last, match.index), pieces);
		pieces.push({ kind: 'number', value: digitValue(match[0]) });
		last = match.index + match[0].length;
	}
	wordsOf(folded.slice(last), pieces);

	const read: Reading[] = [];
	for (let i = 0; i < pieces.length;) {
		const run = readRun(pieces, i);
		if (run === undefined) read.push(pieces[i++]!);
		else {
			read.push({ kind: 'number', value: run.value });
			i = run.next;
		}
	}
	return read;
}
