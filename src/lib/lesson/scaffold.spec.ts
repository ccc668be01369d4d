import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './article';
import { detectFrontMatter, readDate, scaffoldLesson } from './scaffold';

const paragraphs = (raw: string) => splitParagraphs(raw).map((p) => p.text);

describe('readDate', () => {
	it.each([
		['3 كانون الثاني 2014 – تليغراف', '2014-01-03'],
		['٣ كانون الثاني ٢٠١٤ – تليغراف', '2014-01-03'],
		['١٥ أيار ٢٠٢٣م', '2023-05-15'],
		['2014-01-03', '2014-01-03'],
		['٢٠١٤-٠١-٠٣', '2014-01-03'],
		['03/01/2014', '2014-01-03'],
		['3 January 2014, The Telegraph', '2014-01-03'],
		['January 3, 2014', '2014-01-03'],
		['الجمعة 7 تشرين الأول 2022', '2022-10-07']
	])('%s → %s', (line, date) => {
		expect(readDate(line)).toBe(date);
	});

	it.each([
		'البصرة تدعو القوات البريطانية للعودة اليها لحفظ الأمن',
		'2014',
		'32 يناير 2014',
		'30/02/2014',
		'في عام 2014 صوت المجلس'
	])('finds no date in %s', (line) => {
		expect(readDate(line)).toBeUndefined();
	});
});

describe('detectFrontMatter', () => {
	const banner = 'المبادرة الدولية للتضامن مع المجتمع المدني العراقي';
	const blurb =
		'The Iraqi Civil Society Solidarity Initiative (ICSSI) is dedicated to bringing together Iraqi and international civil societies.';
	const headline = 'البصرة تدعو القوات البريطانية للعودة اليها لحفظ الأمن';
	const body = [
		'أعلن محافظ البصرة أن المحافظة ستستعين بخبرات شركة أمنية بريطانية خاصة لتقديم المشورة في مجال الأمن.',
		'وقال المحافظ إن الشركة ستعمل مع الأجهزة الأمنية في المحافظة.'
	];

	it.each([
		['Western digits', '3 كانون الثاني 2014 – تليغراف'],
		['Arabic-Indic digits', '٣ كانون الثاني ٢٠١٤ – تليغراف']
	])(
		'keeps a banner, an English blurb, the headline and a date line in %s out of the body',
		(_, dateLine) => {
			const front = detectFrontMatter([
				banner,
				blurb,
				headline,
				dateLine,
				'basra-image_1.jpg',
				...body
			]);
			expect(front.headline).toBe(headline);
			expect(front.dateLine).toBe(dateLine);
			expect(front.date).toBe('2014-01-03');
			expect(front.banner).toEqual([banner, blurb, 'basra-image_1.jpg']);
			expect(front.body).toEqual(body);
		}
	);

	it('takes the headline from before the date line, not the date line itself', () => {
		const front = detectFrontMatter([headline, '٣/١/٢٠١٤', ...body]);
		expect(front.headline).toBe(headline);
		expect(front.date).toBe('2014-01-03');
	});

	it('leaves an article that starts with its body as it is', () => {
		expect(detectFrontMatter(body)).toEqual({ banner: [], body });
	});

	it('reads the date of the shipped report, and carries the headline into the title', () => {
		const raw = readFileSync('tests/fixtures/articles/report-with-banner.txt', 'utf8');
		const { front, yaml } = scaffoldLesson('aegis', raw);
		expect(front.date).toBe('2014-01-03');
		expect(front.headline).toBe(headline);
		expect(yaml).toContain(`ar: ${headline}`);
		expect(yaml).toContain('date: 2014-01-03');
		expect(paragraphs(raw)).toContain(front.body[0]);
	});
});
