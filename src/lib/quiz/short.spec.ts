import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/lesson/schema';
import { matchesAnswer, matchesShort, shortKeyProblems } from './short';

type ShortQuestion = Extract<Question, { type: 'short' }>;

/** A short question with only what grading reads; the rest as any lesson would have it. */
function question(
	answers: ShortQuestion['answers'],
	extra: Pick<ShortQuestion, 'must' | 'may'> = {}
): ShortQuestion {
	return {
		id: 'q',
		type: 'short',
		skill: 'detail',
		paragraph: 0,
		evidence: 'نص',
		evidence_en: 'text',
		prompt: { ar: 'سؤال', en: 'Question' },
		explain: { ar: 'شرح', en: 'Explanation' },
		answers,
		...extra
	};
}

const DISTANCE = question({ ar: ['14 كم'], en: ['14 km'] });
const YEAR = question({ ar: ['2007'], en: ['2007'] });
const AGE = question({ ar: ['56'], en: ['56'] });
const TOLL = question({ ar: ['1000'], en: ['1,000'] });
const AIRPORT = question(
	{ ar: ['مطار البصرة'], en: ['Basra airport'] },
	{ may: { ar: ['الدولي'], en: ['international'] } }
);
// The same question written with must and may words instead of phrasings.
const AIRPORT_WORDS = question(
	{ ar: ['مطار البصرة الدولي'], en: ['Basra International Airport'] },
	{
		must: { ar: ['مطار'], en: ['airport|airfield'] },
		may: { ar: ['البصرة', 'الدولي', 'المدني'], en: ['Basra', 'international', 'civilian'] }
	}
);
const GOVERNOR = question({ ar: ['المحافظ'], en: ['the governor'] });

describe('matchesShort: numbers, hedges, units and framing', () => {
	it.each<[string, ShortQuestion, string[]]>([
		[
			'14 km',
			DISTANCE,
			[
				'حوالي 14 كيلومتراً',
				'about 14 kilometres',
				'14كم',
				'14km',
				'١٤ كم',
				'١٤كم',
				'14',
				'أربعة عشر كيلومترا',
				'اربعة عشر',
				'fourteen',
				'Fourteen kilometers',
				'around 14',
				'approximately 14 km.',
				'نحو 14 كم',
				'تقريبا 14',
				'14 كم تقريباً',
				'قرابة 14 كيلومتر',
				'بحوالي 14 كم',
				'ما يقارب 14 كم',
				'14 kms',
				'roughly fourteen kilometres',
				'nearly 14 miles'
			]
		],
		[
			'2007',
			YEAR,
			[
				'2007',
				'٢٠٠٧',
				'2007م',
				'٢٠٠٧م',
				'2007 AD',
				'2007 A.D.',
				'in 2007',
				'In the year 2007',
				'عام 2007',
				'في عام ٢٠٠٧',
				'سنة 2007م',
				'ألفين وسبعة',
				'الفين و سبعة',
				'two thousand and seven',
				'two thousand seven',
				'2007 CE'
			]
		],
		[
			'56',
			AGE,
			[
				'aged 56',
				'56 years old',
				'56 years of age',
				'he is 56',
				'fifty-six',
				'Fifty six years old',
				'56 عاما',
				'٥٦ عاماً',
				'ستة وخمسون',
				'ست وخمسين',
				'عمره 56 سنة',
				'يبلغ من العمر 56 عاماً',
				'56 من العمر'
			]
		],
		[
			'1,000',
			TOLL,
			[
				'1,000',
				'1000',
				'١٬٠٠٠',
				'١٠٠٠',
				'ألف',
				'الف',
				'a thousand',
				'one thousand',
				'about 1,000',
				'around 1000 a month',
				'حوالي ألف',
				'نحو 1000 شهريا',
				'1000 per month'
			]
		],
		[
			'مطار البصرة',
			AIRPORT,
			[
				'يعود إلى مطار البصرة الدولي',
				'مطار البصرة',
				'مطارِ البصرةِ',
				'الضمير يعود إلى مطار البصرة',
				'It refers to Basra International Airport',
				'Basra airport',
				'the Basra airport',
				"Basra's airport",
				'basra airpot'
			]
		]
	])('accepts plausible answers for %s', (_, key, typed) => {
		expect(typed.filter((text) => !matchesShort(key, text))).toEqual([]);
	});

	it.each<[string, ShortQuestion, string[]]>([
		['14 km', DISTANCE, ['20 كم', '20', '140', '1 4', '41', '14 أو 20', 'not 14', 'كم', '', '؟']],
		['2007', YEAR, ['2003', '2003 2007', '2017', '20007', '200', 'two thousand', '1428 هـ']],
		['56', AGE, ['65', 'five six', '56 65', 'ستة', 'خمسون']],
		['1,000', TOLL, ['1,500', '1500', 'ألف وخمسمائة', '10000', '100', 'مئة', 'a hundred', '1.000']],
		[
			'مطار البصرة',
			AIRPORT,
			['the council', 'المجلس', 'مطار الكويت', 'مطار البصرة والمجلس', 'not Basra airport', 'Basra']
		],
		['المحافظ', GOVERNOR, ['نائب المحافظ', "the governor's deputy", 'الحكومة', 'المحافظة؟']]
	])('keeps wrong answers wrong for %s', (_, key, typed) => {
		expect(typed.filter((text) => matchesShort(key, text))).toEqual([]);
	});
});

describe('matchesShort: must and may words', () => {
	it.each([
		'the airport',
		'المطار',
		'Basra airfield',
		'it refers to the civilian airport',
		'مطار البصرة الدولي',
		'Basra International Airport',
		'يعود إلى المطار المدني'
	])('accepts %j', (text) => {
		expect(matchesShort(AIRPORT_WORDS, text)).toBe(true);
	});

	it.each(['the council', 'Basra', 'the airport and the council', 'المطار الكويتي', 'الدولي'])(
		'rejects %j',
		(text) => {
			expect(matchesShort(AIRPORT_WORDS, text)).toBe(false);
		}
	);

	it('lets may numbers be added, and no others', () => {
		const vote = question({ ar: ['26'], en: ['26'] }, { may: { ar: ['35'], en: ['35'] } });
		expect(matchesShort(vote, '26 من 35')).toBe(false);
		expect(matchesShort(question(vote.answers, { may: { en: ['of 35'] } }), '26 of 35')).toBe(true);
		expect(matchesShort(vote, '26 36')).toBe(false);
	});
});

describe('matchesShort: the answer language', () => {
	it('accepts an answer in either language, whichever the student reads in', () => {
		expect(matchesShort(GOVERNOR, 'the governor')).toBe(true);
		expect(matchesShort(GOVERNOR, 'المحافظ')).toBe(true);
		expect(matchesShort(AIRPORT_WORDS, 'airport')).toBe(true);
		expect(matchesShort(AIRPORT_WORDS, 'مطار')).toBe(true);
	});
});

// ---- properties ---------------------------------------------------------------------------

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
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
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 1 to 999 in English words, hyphenated as written. */
function hundreds(n: number): string {
	const words: string[] = [];
	if (n >= 100) words.push(`${ONES[Math.floor(n / 100)]} hundred`);
	const rest = n % 100;
	if (rest >= 20)
		words.push(TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
	else if (rest >= 10) words.push(TEENS[rest - 10]!);
	else if (rest > 0) words.push(ONES[rest]!);
	return words.join(n >= 100 && rest > 0 ? ' and ' : ' ');
}

/** 1 to 999,999 in English words. */
function english(n: number): string {
	const thousands = Math.floor(n / 1000);
	const rest = n % 1000;
	const parts = [];
	if (thousands > 0) parts.push(`${hundreds(thousands)} thousand`);
	if (rest > 0) parts.push(hundreds(rest));
	return parts.join(' ');
}

const AR_ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const AR_TENS = [
	'',
	'عشرة',
	'عشرون',
	'ثلاثون',
	'أربعون',
	'خمسون',
	'ستون',
	'سبعون',
	'ثمانون',
	'تسعون'
];

/** 1 to 99 in Arabic words: ones before tens, joined by و, as they are said. */
function arabic(n: number): string {
	const one = n % 10;
	const ten = Math.floor(n / 10);
	if (n === 11) return 'أحد عشر';
	if (n === 12) return 'اثنا عشر';
	if (ten === 1) return `${AR_ONES[one]} عشر`;
	if (ten === 0) return AR_ONES[one]!;
	return one === 0 ? AR_TENS[ten]! : `${AR_ONES[one]} و${AR_TENS[ten]}`;
}

const arabicIndic = (text: string) =>
	text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
const grouped = (n: number, separator: string) =>
	String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Ways a reader may write `n`. */
function renderings(n: number): string[] {
	const forms = [String(n), arabicIndic(String(n)), grouped(n, ','), arabicIndic(grouped(n, '٬'))];
	if (n > 0 && n < 1e6) forms.push(english(n));
	if (n > 0 && n < 100) forms.push(arabic(n));
	return forms;
}

/** A unit or a year suffix glued to digits; never glued to a word, which would make another word. */
const glued = (x: string, suffix: string) => (/\d$/.test(x) ? `${x}${suffix}` : `${x} ${suffix}`);

const FRAMES = [
	(x: string) => x,
	(x: string) => `about ${x}`,
	(x: string) => `حوالي ${x}`,
	(x: string) => `نحو ${x} كم`,
	(x: string) => `${x} km`,
	(x: string) => glued(x, 'كم'),
	(x: string) => `aged ${x}`,
	(x: string) => `${x} years old`,
	(x: string) => `في عام ${glued(x, 'م')}`,
	(x: string) => `${x} AD`,
	(x: string) => `it is ${x}`,
	(x: string) => `${x} تقريباً`
];

describe('matchesShort: properties', () => {
	const number = fc.oneof(
		fc.integer({ min: 0, max: 120 }),
		fc.integer({ min: 0, max: 10_000_000 })
	);
	const frame = fc.constantFrom(...FRAMES);

	it('accepts every way of writing the key number, in any frame', () => {
		fc.assert(
			fc.property(number, frame, fc.nat(), (n, framed, pick) => {
				const forms = renderings(n);
				const key = question({ ar: [String(n)], en: [grouped(n, ',')] });
				return matchesShort(key, framed(forms[pick % forms.length]!));
			}),
			{ numRuns: 500 }
		);
	});

	it('never accepts a different number, however it is written', () => {
		fc.assert(
			fc.property(number, number, frame, fc.nat(), (n, m, framed, pick) => {
				fc.pre(n !== m);
				const forms = renderings(m);
				const key = question({ ar: [String(n)], en: [english(n) || String(n)] });
				return !matchesShort(key, framed(forms[pick % forms.length]!));
			}),
			{ numRuns: 500 }
		);
	});

	const letter = fc.constantFrom(...'ابتجدرسصعلمنهوي'.split(''), ...'abcdeilmnorst'.split(''));
	const word = fc.array(letter, { minLength: 2, maxLength: 8 }).map((letters) => letters.join(''));
	const piece = fc.oneof(word, fc.integer({ min: 0, max: 99_999 }).map(String));
	const answer = fc.array(piece, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

	it('accepts every accepted answer as listed, vowelled, hedged and framed', () => {
		fc.assert(
			fc.property(answer, answer, frame, (accepted, other, framed) => {
				const key = question({ ar: [accepted], en: [other] });
				return (
					matchesShort(key, accepted) &&
					matchesShort(key, other) &&
					matchesShort(key, accepted.replace(/([ب-ي])/g, '$1\u064E')) &&
					matchesShort(key, `about ${accepted}`) &&
					matchesShort(key, `${accepted} تقريباً`) &&
					matchesShort(key, framed(accepted))
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('never accepts an answer with a number added that the key does not hold', () => {
		fc.assert(
			fc.property(answer, fc.integer({ min: 0, max: 99_999 }), (accepted, extra) => {
				fc.pre(!matchesAnswer(String(extra), accepted));
				return !matchesAnswer(`${accepted} ${extra}`, accepted);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('shortKeyProblems', () => {
	it('finds nothing wrong with plain answers or with must words the canonical answer holds', () => {
		expect(shortKeyProblems(DISTANCE)).toEqual([]);
		expect(shortKeyProblems(AIRPORT_WORDS)).toEqual([]);
	});

	it('names a must word the canonical answer lacks, an empty alternative and an empty answer', () => {
		const broken = question(
			{ ar: ['مطار البصرة', '؟'], en: ['Basra airport'] },
			{ must: { en: ['airprot|hangar', 'Basra|'] }, may: { ar: ['|الدولي'] } }
		);
		expect(shortKeyProblems(broken)).toEqual([
			{ path: ['answers', 'ar', 1], message: 'answers.ar[1] has no word' },
			{ path: ['may', 'ar', 0], message: 'may.ar[0] "|الدولي" has an alternative with no word' },
			{ path: ['must', 'en', 1], message: 'must.en[1] "Basra|" has an alternative with no word' },
			{
				path: ['must', 'en', 0],
				message: 'must.en[0] "airprot|hangar" is not in the canonical answer "Basra airport"'
			}
		]);
	});

	it('names a must word that is not in the canonical answer even a letter away', () => {
		const broken = question({ ar: ['مطار'], en: ['Basra airport'] }, { must: { en: ['hangar'] } });
		expect(shortKeyProblems(broken)).toEqual([
			{
				path: ['must', 'en', 0],
				message: 'must.en[0] "hangar" is not in the canonical answer "Basra airport"'
			}
		]);
	});
});
