/**
 * `lessons new`: turns a raw article into the start of a lesson. Articles copied from the web
 * often open with a publisher's banner, a headline, a date line and an image name before the
 * body; those are recognised and kept out of the article text.
 */
import { stringify } from 'yaml';
import { westernDigits } from '$lib/text';
import { splitParagraphs } from './article';
import { TODO } from './constants';

export interface FrontMatter {
	/** Lines before the article that are neither headline nor date (banner, blurb, image name). */
	banner: string[];
	headline?: string;
	/** The date line as published. */
	dateLine?: string;
	/** The date as YYYY-MM-DD when it could be read. */
	date?: string;
	body: string[];
}

const MONTHS: Record<string, number> = {
	'كانون الثاني': 1,
	شباط: 2,
	آذار: 3,
	اذار: 3,
	نيسان: 4,
	أيار: 5,
	ايار: 5,
	حزيران: 6,
	تموز: 7,
	آب: 8,
	اب: 8,
	أيلول: 9,
	ايلول: 9,
	'تشرين الأول': 10,
	'تشرين الاول': 10,
	'تشرين الثاني': 11,
	'كانون الأول': 12,
	'كانون الاول': 12,
	يناير: 1,
	فبراير: 2,
	مارس: 3,
	أبريل: 4,
	ابريل: 4,
	مايو: 5,
	يونيو: 6,
	يوليو: 7,
	أغسطس: 8,
	اغسطس: 8,
	سبتمبر: 9,
	أكتوبر: 10,
	اكتوبر: 10,
	نوفمبر: 11,
	ديسمبر: 12,
	january: 1,
	february: 2,
	march: 3,
	april: 4,
	may: 5,
	june: 6,
	july: 7,
	august: 8,
	september: 9,
	october: 10,
	november: 11,
	december: 12
};

const MONTH_NAMES = Object.entries(MONTHS).sort((a, b) => b[0].length - a[0].length);

const SHORT_LINE_WORDS = 12;

function words(line: string): number {
	return line.split(/\s+/).filter(Boolean).length;
}

function isLatin(line: string): boolean {
	const latin = line.match(/[A-Za-z]/g)?.length ?? 0;
	const arabic = line.match(/[\u0600-\u06FF]/g)?.length ?? 0;
	return latin > arabic;
}

function isFileName(line: string): boolean {
	return /^[\w.-]+$/.test(line) && /[_.\d]/.test(line);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD, or undefined when the parts make no calendar date. */
function isoDate(year: number, month: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
	return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a date line as publishers write it: `3 كانون الثاني 2014`, `٣ كانون الثاني ٢٠١٤ – تليغراف`,
 * `2014-01-03`, `03/01/2014` (day first, as in the Arab world), `3 January 2014` or
 * `January 3, 2014`, in Western, Arabic-Indic or Persian digits.
 * @returns YYYY-MM-DD, or undefined when the line holds no whole date
 */
export function readDate(line: string): string | undefined {
	const text = westernDigits(line);
	const iso = text.match(/(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/);
	if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const numeric = text.match(/(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/);
	if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
	const year = text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/)?.[0];
	const lower = text.toLowerCase();
	const month = MONTH_NAMES.find(([name]) => lower.includes(name))?.[1];
	const day = text.replace(year ?? '', ' ').match(/(?<!\d)(\d{1,2})(?!\d)/)?.[1];
	if (!year || !day || !month) return undefined;
	return isoDate(Number(year), month, Number(day));
}

/**
 * Splits the leading block of short or Latin lines off the article. The body starts at the first
 * long line that ends like a sentence.
 */
export function detectFrontMatter(paragraphs: string[]): FrontMatter {
	const isFront = (line: string) =>
		isLatin(line) || (words(line) <= SHORT_LINE_WORDS && !/[.!?؟]$/.test(line.trim()));
	let start = 0;
	while (start < paragraphs.length - 1 && isFront(paragraphs[start]!)) start++;
	const front = paragraphs.slice(0, start);
	const result: FrontMatter = { banner: [], body: paragraphs.slice(start) };
	const dateIndex = front.findIndex((line) => readDate(line) !== undefined);
	if (dateIndex >= 0) {
		result.dateLine = front[dateIndex];
		result.date = readDate(front[dateIndex]!);
	}
	const limit = dateIndex >= 0 ? dateIndex : front.length;
	const headlineIndex = front.findLastIndex(
		(line, i) => i < limit && !isLatin(line) && !isFileName(line)
	);
	front.forEach((line, i) => {
		if (i === headlineIndex) result.headline = line;
		else if (i !== dateIndex) result.banner.push(line);
	});
	return result;
}

/** An id from a file name: `My Article.txt` → `my-article`. */
export function idFromFileName(name: string): string {
	return (
		name
			.replace(/\.[^.]*$/, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 64) || 'lesson'
	);
}

export interface Scaffold {
	article: string;
	yaml: string;
	front: FrontMatter;
}

/** The two files of a new lesson: the article body, and a lesson file marked TODO throughout. */
export function scaffoldLesson(id: string, raw: string): Scaffold {
	const front = detectFrontMatter(splitParagraphs(raw).map((p) => p.text));
	const lesson = {
		id,
		title: { ar: front.headline ?? TODO, en: TODO },
		summary: { ar: TODO, en: TODO },
		source: {
			publisher: { ar: front.banner.find((line) => !isLatin(line)) ?? TODO, en: TODO },
			date: front.date ?? TODO,
			genre: 'news'
		},
		level: 'B2',
		paragraphs: front.body.map((_, i) => ({ en: `${TODO}: translate paragraph ${i}` })),
		glossary: [],
		questions: [
			{
				id: 'main-idea',
				type: 'choice',
				skill: 'main-idea',
				paragraph: 0,
				evidence: TODO,
				evidence_en: TODO,
				prompt: { ar: TODO, en: TODO },
				choices: [
					{ ar: TODO, en: TODO, correct: true },
					{ ar: TODO, en: TODO }
				],
				explain: { ar: TODO, en: TODO }
			}
		]
	};
	const hints = front.body.map(
		(text, i) => `#   ${i}: ${text.split(/\s+/).slice(0, 8).join(' ')} …`
	);
	const yaml =
		`# Scaffolded from an article: fill in every placeholder; \`npm run lessons -- check\` lists what is left.\n` +
		`# Paragraphs of article.ar.txt (translate each, in order):\n${hints.join('\n')}\n` +
		stringify(lesson, { lineWidth: 0 });
	return { article: front.body.join('\n\n') + '\n', yaml, front };
}
