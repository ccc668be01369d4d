import { describe, expect, it } from 'vitest';
import { AEGIS_REPORT, BASRA_COLUMN } from './articles.fixture';
import {
	findAllTermOccurrences,
	findAllTerms,
	findQuote,
	findTerm,
	findTerms,
	matchesTerm,
	type Span
} from './find';

const [, VOTE = '', STATEMENT = '', AIRPORT = '', SECURITY_PLAN = '', CONCLUSION = ''] =
	BASRA_COLUMN;
const CCTV = AEGIS_REPORT[3] ?? '';
const MILITIAS = AEGIS_REPORT[4] ?? '';
const HONOUR = AEGIS_REPORT[5] ?? '';
const CASUALTIES = AEGIS_REPORT[8] ?? '';
const INTERVIEW = AEGIS_REPORT[12] ?? '';

const text = (passage: string, span: Span | null) =>
	span === null ? null : passage.slice(span.start, span.end);

describe('findQuote', () => {
	it.each([
		['the quote lacks the tanween', STATEMENT, '26 عضوا من اصل 35', '26 عضواً من أصل 35'],
		['the quote as published', STATEMENT, '26 عضواً من أصل 35', '26 عضواً من أصل 35'],
		['the quote has Arabic-Indic digits', STATEMENT, '٢٦ عضواً من أصل ٣٥', '26 عضواً من أصل 35'],
		['the quote skips the passage quote mark', STATEMENT, 'إن 26 عضوا', 'إن "26 عضواً'],
		[
			'the quote is vowelled, the passage is not',
			SECURITY_PLAN,
			'الخِطَّةَ الأَمْنِيَّةَ الجَدِيدَةَ',
			'الخطة الأمنية الجديدة'
		],
		[
			'tatweel and extra spaces in the quote',
			AIRPORT,
			'مطار   البصـــرة    الدولي',
			'مطار البصرة الدولي'
		],
		['alef forms differ', VOTE, 'الى مجلس النواب العراقي', 'الى مجلس النواب العراقي'],
		['hamza on alef only in the quote', CONCLUSION, 'إلى مدينة إيرانية', 'الى مدينة ايرانية'],
		['ى and ي differ', CONCLUSION, 'علي الاقل', 'على الاقل'],
		['presentation form in the quote', CONCLUSION, 'ﻻ تزال بحاجة ملحة', 'لا تزال بحاجة ملحة'],
		['controls in the quote', AIRPORT, '\u200Fمطار\u200F \u2067البصرة\u2069', 'مطار البصرة'],
		['across a full stop with no space', CCTV, 'الانتحارية. كذلك سوف', 'الانتحارية.كذلك سوف'],
		['across Latin commas', AIRPORT, 'العون المشورة التدريب', 'العون, المشورة, التدريب'],
		['a Latin name after a no-break space', HONOUR, 'ايجيس aegis', 'ايجيس \u00A0Aegis'],
		['a quote with the clitic the passage has', VOTE, 'والالتزام ببنود', 'والالتزام ببنود'],
		['a single word', CONCLUSION, 'فلمذا', 'فلمذا']
	])('finds it when %s', (_, passage, quote, expected) => {
		expect(text(passage, findQuote(passage, quote))).toBe(expected);
	});

	it('returns offsets of the first occurrence', () => {
		const passage = 'مطار البصرة ومدينة البصرة';
		expect(findQuote(passage, 'البصرة')).toEqual({ start: 5, end: 11 });
	});

	it.each([
		['part of a word', VOTE, 'البصر'],
		['a word without its clitic', VOTE, 'الالتزام ببنود'],
		['a word without its article', SECURITY_PLAN, 'خطة الأمنية'],
		['a hamza seat the passage lacks', INTERVIEW, 'بمسئولية'],
		['words in another order', AIRPORT, 'البصرة مطار'],
		['a word that is not there', STATEMENT, '27 عضوا'],
		['a typo', CONCLUSION, 'فلماذا هذا الاستعجال']
	])('does not match %s', (_, passage, quote) => {
		expect(findQuote(passage, quote)).toBeNull();
	});

	it('matches whole numbers only', () => {
		expect(text('نحو 3.5 كم', findQuote('نحو 3.5 كم', '3.5 كم'))).toBe('3.5 كم');
		expect(text('نحو 3.5 كم', findQuote('نحو 3.5 كم', '٣٫٥'))).toBe('3.5');
		expect(findQuote('نحو 3.5 كم', '5 كم')).toBeNull();
		expect(findQuote('نحو 3.5 كم', 'نحو 3')).toBeNull();
	});

	it.each([
		['an empty quote', STATEMENT, ''],
		['a quote of spaces', STATEMENT, '   '],
		['a quote of punctuation', STATEMENT, '"،؟ ...'],
		['a quote of controls and marks', STATEMENT, '\u200F\u064E'],
		['an empty passage', '', 'البصرة'],
		['a quote longer than the passage', 'البصرة', 'مطار البصرة الدولي']
	])('returns null for %s', (_, passage, quote) => {
		expect(findQuote(passage, quote)).toBeNull();
	});
});

describe('findTerms', () => {
	it('finds every occurrence in order, each as findTerm finds it in the rest of the passage', () => {
		const passage = 'الاتفاقية الأمنية ثم والاتفاقية الامنية، وبعدها الاتفاقيه الأمنيه.';
		const spans = findTerms(passage, 'اتفاقية أمنية');
		expect(spans.map((span) => passage.slice(span.start, span.end))).toEqual([
			'الاتفاقية الأمنية',
			'والاتفاقية الامنية',
			'الاتفاقيه الأمنيه'
		]);
		let from = 0;
		for (const span of spans) {
			const next = findTerm(passage.slice(from), 'اتفاقية أمنية')!;
			expect({ start: next.start + from, end: next.end + from }).toEqual(span);
			from = span.end;
		}
	});

	it('lets an exact occurrence come before an earlier one that needs an edit, then goes on', () => {
		const passage = 'المليشيات ثم الميليشيات';
		expect(findTerms(passage, 'الميليشيات')).toEqual([{ start: 13, end: 23 }]);
	});

	it('goes past places where only the first word matches', () => {
		const passage = 'مطار البصرة ومدينة البصرة ثم مطار البصرة الدولي ومطار البصرة الدولي';
		const spans = findTerms(passage, 'مطار البصرة الدولي');
		expect(spans.map((span) => passage.slice(span.start, span.end))).toEqual([
			'مطار البصرة الدولي',
			'ومطار البصرة الدولي'
		]);
	});

	it('finds a term whose first word needs an edit, or whose later word does', () => {
		expect(findTerms('قادة المليشيات المسلحة', 'الميليشيات المسلحة')).toEqual([
			{ start: 5, end: 22 }
		]);
		expect(findTerms('قادة المليشيات المسلحة', 'قادة الميليشيات')).toEqual([{ start: 0, end: 14 }]);
	});

	it('starts and ends on whole tokens only', () => {
		expect(findTerms('نحو 3.5 كم ثم 5 كم', '5 كم')).toEqual([{ start: 14, end: 18 }]);
		expect(findTerms('نحو 3.5 كم', 'نحو 3')).toEqual([]);
	});

	it('finds nothing for an empty term or a term not in the passage', () => {
		expect(findTerms(VOTE, '')).toEqual([]);
		expect(findTerms('قام بفرار', 'قرار')).toEqual([]);
	});
});

describe('findAllTerms', () => {
	it('finds every term in every passage, by passage then by term', () => {
		const passages = [VOTE, STATEMENT];
		const terms = ['الاتفاقية الأمنية', 'الميليشيات', 'مجلس', 'قرار', ''];
		const found = findAllTerms(passages, terms);
		expect(
			found.map((byTerm, p) =>
				byTerm.map((spans) => spans.map((span) => passages[p]!.slice(span.start, span.end)))
			)
		).toEqual([
			// قراراً is قرار with its accusative ending.
			[['الاتفاقية الأمنية'], [], ['مجلس', 'مجلس'], ['قراراً'], []],
			[[], ['المليشيات'], ['مجلس'], ['القرار', 'قرار'], []]
		]);
		passages.forEach((passage, p) => {
			terms.forEach((term, t) => expect(found[p]![t]).toEqual(findTerms(passage, term)));
		});
	});

	it('gives a list per passage and per term, empty when there are none', () => {
		expect(findAllTerms([], ['قرار'])).toEqual([]);
		expect(findAllTerms([VOTE, ''], [])).toEqual([[], []]);
	});
});

describe('findTerm', () => {
	it.each([
		['the term as written', VOTE, 'الاتفاقية الأمنية', 'الاتفاقية الأمنية'],
		['the term without its article', VOTE, 'اتفاقية أمنية', 'الاتفاقية الأمنية'],
		['a conjunction in the passage', VOTE, 'الالتزام', 'والالتزام'],
		['lam with the article in the passage', VOTE, 'الاستثمار', 'للاستثمار'],
		['a preposition in the passage', STATEMENT, 'التأكيد', 'بالتاكيد'],
		['a vowelled term', SECURITY_PLAN, 'الخُطَّةُ', 'الخطة'],
		['a hamza seat that differs', INTERVIEW, 'المسئولية', 'بمسؤولية'],
		['a number and a word', CASUALTIES, '1000 قتيل', '1000 قتيل'],
		['a Latin name', HONOUR, 'aegis', 'Aegis'],
		['a presentation form in the term', CONCLUSION, 'ﻻ تزال', 'لا تزال'],
		['a term across a glued full stop', CCTV, 'الانتحارية كذلك', 'الانتحارية.كذلك']
	])('finds %s', (_, passage, term, expected) => {
		expect(text(passage, findTerm(passage, term))).toBe(expected);
	});

	describe('one edit', () => {
		it('is allowed when the term has five letters or more', () => {
			// The column writes المليشيات, the report الميليشيات.
			expect(text(STATEMENT, findTerm(STATEMENT, 'الميليشيات'))).toBe('المليشيات');
			expect(text(MILITIAS, findTerm(MILITIAS, 'المليشيات'))).toBe('الميليشيات');
			expect(text('عدم التوكيد', findTerm('عدم التوكيد', 'تاكيد'))).toBe('التوكيد');
		});

		it('is not allowed for shorter words', () => {
			// يظمن is the author's slip for يضمن: four letters, too short to forgive.
			expect(findTerm(CONCLUSION, 'يضمن')).toBeNull();
			expect(findTerm('قام بفرار', 'قرار')).toBeNull();
			// والبيت is long, but its stem بيت is what is compared.
			expect(findTerm('والبيوت', 'والبيت')).toBeNull();
		});

		it('is not allowed for two edits', () => {
			expect(findTerm('المبليشيات', 'الميليشياث')).toBeNull();
		});

		it('is never allowed for numbers', () => {
			expect(findTerm(CASUALTIES, '10000')).toBeNull();
			expect(findTerm('عام 20145', '20140')).toBeNull();
		});

		it('prefers an exact occurrence to an earlier one that needs an edit', () => {
			const passage = 'المليشيات ثم الميليشيات';
			expect(findTerm(passage, 'الميليشيات')).toEqual({ start: 13, end: 23 });
		});
	});

	it.each([
		['part of a word', 'البصرة', 'بصر'],
		['words in another order', AIRPORT, 'البصرة مطار'],
		['an empty term', VOTE, ''],
		['a term of punctuation', VOTE, '«»،'],
		['an empty passage', '', 'الاتفاقية']
	])('returns null for %s', (_, passage, term) => {
		expect(findTerm(passage, term)).toBeNull();
	});
});

describe('findAllTermOccurrences', () => {
	const kinds = (passages: string[], terms: string[]) =>
		findAllTermOccurrences(passages, terms).map((paragraph) =>
			paragraph.map((found) =>
				found.map((at) => `${passages[0]!.slice(at.start, at.end)} ${at.match}`)
			)
		);

	it('says how each occurrence matched: as written, through clitics, or a letter away', () => {
		const passage = 'تشديد الإجراءات وتوجيه القوات';
		expect(kinds([passage], ['تشديد', 'توجيه', 'تمديد', 'الإجراءات الامنية'])).toEqual([
			[['تشديد exact'], ['وتوجيه form'], ['تشديد near'], []]
		]);
	});

	it('takes the weakest word of a phrase as the phrase’s match', () => {
		expect(kinds(['وتوجيه المقاتلين'], ['توجيه المقاتلين', 'توجيه المقاتلبن'])).toEqual([
			[['وتوجيه المقاتلين form'], ['وتوجيه المقاتلين near']]
		]);
	});

	it('never looks a letter away for an entry that occurs as written in any passage', () => {
		// تقاعده occurs in the second passage: القاعدة in the first is another word.
		const passages = ['عنف القاعدة', 'بعد تقاعده من الجيش'];
		const found = findAllTermOccurrences(passages, ['تقاعده']);
		expect(found[0]![0]).toEqual([]);
		expect(found[1]![0]!.map((at) => at.match)).toEqual(['exact']);
		// With the word nowhere as written, the slip is taken for the author's.
		expect(
			findAllTermOccurrences(['عنف القاعدة'], ['تقاعده'])[0]![0]!.map((at) => at.match)
		).toEqual(['near']);
	});
});

describe('matchesTerm', () => {
	it.each([
		['والالتزامِ', 'الالتزام', true],
		['وَالمَدْرَسَةُ', 'المدرسة', true],
		['الاتفاقية', 'الاتفاقية الأمنية', true],
		['الأمنية', 'الاتفاقية الأمنية', false],
		['للاستثمار', 'استثمار', true],
		['بمسؤولية', 'المسئولية', true],
		['المليشيات', 'الميليشيات', true],
		['يظمن', 'يضمن', false],
		['البصرة،', 'البصرة', true],
		['مطار', 'البصرة', false],
		['', 'البصرة', false],
		['البصرة', '', false],
		['،', '،', false]
	])('%s against %s: %s', (word, term, expected) => {
		expect(matchesTerm(word, term)).toBe(expected);
	});
});
