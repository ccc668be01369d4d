import { describe, expect, it } from 'vitest';
import { AEGIS_REPORT, BASRA_COLUMN } from './articles.fixture';
import { BIDI_CONTROLS, findControlCharacter, normalise } from './normalise';

describe('normalise', () => {
	it.each([
		['tashkeel', 'وَالمَدْرَسَةُ', 'والمدرسه'],
		['tanween', 'عضواً', 'عضوا'],
		['shadda and sukun', 'الخِطَّةُ الأَمْنِيَّةُ', 'الخطه الامنيه'],
		['superscript alef', 'هٰذا', 'هذا'],
		['Quranic marks', 'الكتابۖ', 'الكتاب'],
		['tatweel', 'كتـــاب', 'كتاب'],
		['hamza above', 'أصل', 'اصل'],
		['hamza below and alef maksura', 'إلى', 'الي'],
		['madda', 'آليات', 'اليات'],
		['wasla', 'ٱلرحمن', 'الرحمن'],
		['wavy hamza alefs', 'ٲ ٳ', 'ا ا'],
		['teh marbuta', 'البصرة', 'البصره'],
		['decomposed hamza recomposed first', 'ا\u0654صل', 'اصل'],
		['Arabic-Indic digits', '٢٠١٤', '2014'],
		['Persian digits', '۱۴ کم', '14 کم'],
		['Arabic decimal separator', '٣٫٥', '3 5'],
		['Arabic comma, semicolon and question mark', 'العون، المشورة؛ لماذا؟', 'العون المشوره لماذا'],
		['percent and thousands signs', '٥٠٪ ١٬٠٠٠', '50 1 000'],
		['urdu full stop', 'نهاية۔', 'نهايه'],
		['Latin commas from the column', 'العون, المشورة, التدريب', 'العون المشوره التدريب'],
		['reversed curly quotes', '” المستوى الاستراتيجي ”', 'المستوي الاستراتيجي'],
		['guillemets and ASCII quotes', '«نص» "نص" \'نص\'', 'نص نص نص'],
		['brackets and dashes', '(56 عاما) 2014 – تليغراف - خبر', '56 عاما 2014 تليغراف خبر'],
		['missing space after a full stop', 'الاقل.المبادرة', 'الاقل المبادره'],
		['lam-alef presentation form', 'ﻻ تزال', 'لا تزال'],
		['isolated presentation forms', 'ﺑﺼﺮﺓ', 'بصره'],
		['Allah ligature', 'ﷲ', 'الله'],
		['RLE and PDF', '\u202Bالبصرة\u202C', 'البصره'],
		['marks, isolates and BOM', '\uFEFF\u2067مطار\u2069 \u200Fالبصرة\u200E', 'مطار البصره'],
		['ALM and zero-width joiners', 'ب\u061Cصر\u200D\u200Cة', 'بصره'],
		['Latin lower-cased', 'Sandline International', 'sandline international'],
		['full-width Latin', 'ＡＥＧＩＳ', 'aegis'],
		['whitespace collapsed and trimmed', '  البصرة \t\n  العراق\u00A0 ', 'البصره العراق']
	])('%s', (_, input, expected) => {
		expect(normalise(input)).toBe(expected);
	});

	it.each([
		['empty', ''],
		['spaces', ' \t\n '],
		['punctuation only', '،؛؟ ... !? «» “”'],
		['controls only', '\u200F\u200E\u202B\u2066\uFEFF'],
		['marks only', '\u064E\u0651\u0670'],
		['tatweel only', 'ـــ']
	])('gives an empty string for %s', (_, input) => {
		expect(normalise(input)).toBe('');
	});

	describe('hamza seats', () => {
		it.each([
			['مسؤولية', 'مسؤوليه', 'مسووليه'],
			['بقائهم', 'بقائهم', 'بقايهم'],
			['تؤوي', 'تؤوي', 'تووي'],
			['و\u0654', 'ؤ', 'و']
		])('%s: strict %s, lenient %s', (input, strict, lenient) => {
			expect(normalise(input)).toBe(strict);
			expect(normalise(input, { lenient: true })).toBe(lenient);
		});

		it('leaves the alef folding the same in both modes', () => {
			expect(normalise('أإآٱ', { lenient: true })).toBe(normalise('أإآٱ'));
		});
	});

	it('makes a typed answer equal the vowelled canonical answer', () => {
		expect(normalise('الاتفاقيه الامنيه')).toBe(normalise('الاتِّفاقِيَّةُ الأَمْنِيَّةُ'));
	});

	it.each([
		['a joiner', 'e\u200D\u0301', 'é'],
		['tatweel', 'A\u0640\u0308', 'ä'],
		['a vowel mark', 'o\u064E\u0303', 'õ']
	])(
		'composes a Latin accent freed by removing %s, so a second pass changes nothing',
		(_, input, expected) => {
			expect(normalise(input)).toBe(expected);
			expect(normalise(normalise(input))).toBe(expected);
		}
	);

	it('is idempotent on every paragraph of the source articles', () => {
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			const once = normalise(paragraph);
			expect(normalise(once)).toBe(once);
			const lenient = normalise(paragraph, { lenient: true });
			expect(normalise(lenient, { lenient: true })).toBe(lenient);
		}
	});
});

// Small seeded generator (mulberry32) so a failing case can be replayed from its seed.
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = [
	...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإٱٲٳىةؤئ',
	...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0610\u06D6\u06ED',
	...'\u0640',
	...'٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789',
	...'،؛؟٪٫٬۔.,!?:;()-–"\'“”«»',
	...'\u061C\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF',
	...'\u0000\u0007\u001B\u007F',
	...'AbcDeFghIJklMnoPqrStuvwXyzİẞΣΩ\u0301\u0308\u212B\uFB01',
	...'ﻻﻷﺑﺼﺮﺓﷲ',
	...'   \t\n\u00A0\u2003'
];

describe('normalise properties', () => {
	const next = random(20240103);
	const samples = Array.from({ length: 500 }, () => {
		const length = Math.floor(next() * 24);
		return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '').join(
			''
		);
	});

	it('is idempotent on 500 random strings, strict and lenient', () => {
		for (const sample of samples) {
			const strict = normalise(sample);
			expect(normalise(strict), JSON.stringify(sample)).toBe(strict);
			const lenient = normalise(sample, { lenient: true });
			expect(normalise(lenient, { lenient: true }), JSON.stringify(sample)).toBe(lenient);
		}
	});

	it('leaves no controls, marks, tatweel, folded letters or stray spaces', () => {
		for (const sample of samples) {
			const result = normalise(sample, { lenient: true });
			expect(result, JSON.stringify(sample)).not.toMatch(
				/[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640]/
			);
			expect(BIDI_CONTROLS.test(result)).toBe(false);
			expect(result).not.toMatch(/[آأإٱٲٳىةؤئ٠-٩۰-۹\p{P}]/u);
			expect(result).not.toMatch(/\s\s|^\s|\s$|[\t\n]/);
		}
	});
});

describe('BIDI_CONTROLS', () => {
	it('is not global, so repeated tests give the same answer', () => {
		expect(BIDI_CONTROLS.global).toBe(false);
		expect(BIDI_CONTROLS.test('\u200F')).toBe(true);
		expect(BIDI_CONTROLS.test('\u200F')).toBe(true);
	});

	it.each([
		'061C',
		'200B',
		'200C',
		'200D',
		'200E',
		'200F',
		'202A',
		'202B',
		'202C',
		'202D',
		'202E',
		'2066',
		'2067',
		'2068',
		'2069',
		'FEFF'
	])('matches U+%s', (code) => {
		expect(BIDI_CONTROLS.test(String.fromCharCode(parseInt(code, 16)))).toBe(true);
	});

	it.each(['ا', 'a', ' ', '\u064E', '\u0640', '\u2010', '\u2065', '\u206A', '\u061B'])(
		'does not match %s',
		(character) => {
			expect(BIDI_CONTROLS.test(character)).toBe(false);
		}
	);
});

describe('findControlCharacter', () => {
	it.each([
		['clean Arabic with marks', 'وَالمَدْرَسَةُ', -1],
		['empty', '', -1],
		['tab, line feed and carriage return', 'سطر\tاول\r\nسطر', -1],
		['NUL', 'abc\u0000', 3],
		['escape', 'ا\u001Bب', 1],
		['DEL', 'ا\u007F', 1],
		['C1 control', '\u0085', 0],
		['RLM', 'البصرة\u200F', 6],
		['RLO first among several', 'ab\u202Ecd\u0000', 2],
		['BOM', '\uFEFFنص', 0]
	])('%s', (_, text, expected) => {
		expect(findControlCharacter(text)).toBe(expected);
	});
});
