import { describe, expect, it } from 'vitest';
import { AEGIS_REPORT, BASRA_COLUMN } from './articles.fixture';
import { splitSentences } from './sentences';

const sentences = (paragraph: string) =>
	splitSentences(paragraph).map(({ start, end }) => paragraph.slice(start, end));

describe('splitSentences', () => {
	it('splits the column’s closing paragraph at the full stop and the Arabic question mark', () => {
		const result = sentences(BASRA_COLUMN[5] ?? '');
		expect(result).toHaveLength(3);
		expect(result[0]).toMatch(/^اذا كانت قواتنا .* مدينة ايرانية\.$/);
		expect(result[1]).toBe(
			'فلمذا هذا الاستعجال في اخراج القوات الامريكية قبل استتباب الامن في العراق؟'
		);
		expect(result[2]).toBe(
			'بتصوري ان على الحكومة العراقية ابقاء عدد من القوات في الوقت الحالي على الاقل.'
		);
	});

	it.each([
		[
			'a full stop glued to the next word',
			'على الاقل.المبادرة الدولية',
			['على الاقل.', 'المبادرة الدولية']
		],
		['a number glued to the next word', 'في عام 2003.بعدها بأربع', ['في عام 2003.', 'بعدها بأربع']],
		['a decimal number', 'نحو 3.5 كم شمال غرب.', ['نحو 3.5 كم شمال غرب.']],
		['a web address', 'انظر www.example.com للمزيد.', ['انظر www.example.com للمزيد.']],
		['a run of marks', 'حقا؟! نعم... ربما', ['حقا؟!', 'نعم...', 'ربما']],
		['an exclamation mark', 'يا للهول! ماذا حدث', ['يا للهول!', 'ماذا حدث']],
		['an ellipsis character', 'انتظر… ثم', ['انتظر…', 'ثم']],
		['a closing quote glued to the full stop', 'قال "أهلا." ثم ذهب', ['قال "أهلا."', 'ثم ذهب']],
		['a quote glued to the next sentence', 'وقال."أعتقد ذلك"', ['وقال.', '"أعتقد ذلك"']],
		['a line break', 'سطر اول\nسطر ثان', ['سطر اول', 'سطر ثان']],
		['no terminator at all', 'جملة بلا نهاية', ['جملة بلا نهاية']],
		['surrounding spaces', '  جملة.   أخرى.  ', ['جملة.', 'أخرى.']]
	])('handles %s', (_, paragraph, expected) => {
		expect(sentences(paragraph)).toEqual(expected);
	});

	it('keeps a closing quote left after a spaced full stop with its sentence', () => {
		const result = sentences(AEGIS_REPORT[7] ?? '');
		expect(result).toHaveLength(1);
		expect(result[0]).toMatch(/^“لقد وقعنا .* لاحقا \. “$/);
	});

	it('gives an opening quote after the full stop to the next sentence', () => {
		const result = sentences(AEGIS_REPORT[13] ?? '');
		expect(result).toHaveLength(2);
		expect(result[0]).toMatch(/وقال\.$/);
		expect(result[1]).toMatch(/^” أعتقد أن مشكلة الإرهاب .* \. “$/);
	});

	it('splits at glued full stops in the report', () => {
		const result = sentences(AEGIS_REPORT[3] ?? '');
		expect(result).toHaveLength(4);
		expect(result[2]).toMatch(/الانتحارية\.$/);
		expect(result[3]).toMatch(/^كذلك سوف تنشئ/);
	});

	it.each([
		['empty', '', []],
		['blank', ' \t\n ', []],
		['only punctuation', ' ... ', [{ start: 1, end: 4 }]],
		['a leading stray mark', '. جملة.', [{ start: 0, end: 7 }]]
	])('handles a paragraph that is %s', (_, paragraph, expected) => {
		expect(splitSentences(paragraph)).toEqual(expected);
	});

	it('covers every paragraph of the articles in order, trimmed, with only spaces between', () => {
		const counts: number[] = [];
		for (const paragraph of [...BASRA_COLUMN, ...AEGIS_REPORT]) {
			const spans = splitSentences(paragraph);
			counts.push(spans.length);
			let previousEnd = 0;
			for (const { start, end } of spans) {
				expect(paragraph.slice(previousEnd, start)).toMatch(/^\s*$/);
				expect(paragraph.slice(start, end)).toMatch(/^\S(.*\S)?$/s);
				expect(paragraph.slice(start, end)).toMatch(/[\p{L}\p{N}]/u);
				previousEnd = end;
			}
			expect(paragraph.slice(previousEnd)).toMatch(/^\s*$/);
		}
		expect(counts).toEqual([1, 1, 1, 2, 1, 3, 1, 1, 1, 4, 2, 1, 1, 1, 1, 2, 1, 1, 1, 2, 1, 2]);
	});
});
