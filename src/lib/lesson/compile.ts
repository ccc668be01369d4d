/**
 * The lesson compiler: `lesson.yaml` + `article.ar.txt` in, a checked {@link Lesson} or a list of
 * located problems out. Pure: the callers (the build, the `lessons` CLI) read the files.
 */
import * as v from 'valibot';
import { findControlCharacter, findQuote, normalise, readability, splitSentences } from '$lib/text';
import type { TermOccurrence } from '$lib/text/find';
import { normaliseFile, splitParagraphs, type ArticleParagraph } from './article';
import { contentHash } from './hash';
import { glossaryOccurrences, glossarySpans, type GlossaryLink } from './links';
import { parseYaml, type DataPath } from './parse';
import type { LessonProblem } from './problem';
import { GAP, ID_PATTERN, TODO } from './constants';
import { LessonFile, type Question } from './schema';
import type { Lesson } from './types';
// The grading rule's own check of a short question's key: what it can never accept.
import { shortKeyProblems } from '$lib/quiz/short';

/** The two files of one lesson folder, as text, with the paths to name in problems. */
export interface LessonSource {
	/**
	 * The folder name, which must equal the lesson's `id`; absent for the two files imported on
	 * their own, which have no folder.
	 */
	dir?: string;
	yamlPath: string;
	yaml: string;
	articlePath: string;
	article: string;
}

/**
 * A compiled lesson with its notes (things an author may want to review that are not wrong: the
 * passage words a glossary entry is linked to only by a one-letter match), or its problems.
 */
export type CompileResult =
	{ ok: true; lesson: Lesson; notes: LessonProblem[] } | { ok: false; problems: LessonProblem[] };

/** Larger files are refused before parsing: no real lesson comes near this. */
export const MAX_FILE_BYTES = 256 * 1024;

/** Words a minute of an intermediate learner reading Arabic. */
const READING_SPEED = 100;

export function compileLesson(source: LessonSource): CompileResult {
	const problems: LessonProblem[] = [];
	const fileProblems = [
		...checkFile(source.yamlPath, source.yaml),
		...checkFile(source.articlePath, source.article)
	];
	if (fileProblems.some((p) => p.message.startsWith('file is'))) {
		return { ok: false, problems: fileProblems };
	}
	problems.push(...fileProblems, ...findTodos(source.yamlPath, source.yaml));

	const parsed = parseYaml(source.yamlPath, normaliseFile(source.yaml));
	if (!parsed.ok) return { ok: false, problems: [...problems, ...parsed.problems] };
	const yaml = parsed.value;
	const report = (path: DataPath, message: string, key = false) =>
		problems.push({ file: source.yamlPath, ...yaml.locate(path, key), message });

	const result = v.safeParse(LessonFile, yaml.data);
	if (!result.success) {
		for (const issue of result.issues) {
			const path = (issue.path ?? []).map((item) => item.key as string | number);
			const { message, atKey } = describeIssue(issue);
			report(path, `${describePath(path, yaml.data)}: ${message}`, atKey);
		}
		return { ok: false, problems };
	}
	const file = result.output;

	const article = splitParagraphs(source.article);
	if (article.length === 0) {
		problems.push({
			file: source.articlePath,
			line: 1,
			col: 1,
			message: 'the article is empty'
		});
		return { ok: false, problems };
	}
	if (source.dir !== undefined && file.id !== source.dir) {
		report(['id'], `id "${file.id}" must match its folder name "${source.dir}"`);
	}
	checkParagraphCount(file, article, source.articlePath, report);
	checkQuestions(file, article, report);
	const occurrences = glossaryOccurrences(
		article.map((paragraph) => paragraph.text),
		file.glossary.map((entry) => entry.ar)
	);
	checkGlossary(file, occurrences, report);
	if (problems.length > 0) return { ok: false, problems };
	const links = occurrences.map(glossarySpans);
	const lesson = build(file, article, links);
	const notes = nearLinks(lesson, links, source);
	// An entry found only one letter away from words other entries link is shown on no word.
	file.glossary.forEach((entry, i) => {
		if (links.some((paragraph) => paragraph.some((link) => link.entry === i))) return;
		notes.push({
			file: source.yamlPath,
			...yaml.locate(['glossary', i, 'ar']),
			message:
				`note: glossary[${i}]: "${entry.ar}" (${entry.en}) is linked to no word: it is only ` +
				`one letter from words that other entries match`
		});
	});
	return { ok: true, lesson, notes };
}

function checkFile(path: string, text: string): LessonProblem[] {
	// UTF-8 takes at most three bytes for a UTF-16 code unit: shorter texts need no encoding.
	const bytes = text.length * 3 > MAX_FILE_BYTES ? new TextEncoder().encode(text).length : 0;
	if (bytes > MAX_FILE_BYTES) {
		return [
			{
				file: path,
				line: 1,
				col: 1,
				message: `file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES}`
			}
		];
	}
	const problems: LessonProblem[] = [];
	// Line by line only when there is something to report.
	if (findControlCharacter(text) < 0) return problems;
	normaliseFile(text)
		.split('\n')
		.forEach((line, i) => {
			const col = findControlCharacter(line);
			if (col >= 0) {
				const code = line.codePointAt(col)!.toString(16).toUpperCase().padStart(4, '0');
				problems.push({
					file: path,
					line: i + 1,
					col: col + 1,
					message: `invisible control character U+${code} is not allowed`
				});
			}
		});
	return problems;
}

function findTodos(path: string, text: string): LessonProblem[] {
	const problems: LessonProblem[] = [];
	if (!text.includes(TODO)) return problems;
	normaliseFile(text)
		.split('\n')
		.forEach((line, i) => {
			const col = line.indexOf(TODO);
			if (col >= 0) {
				problems.push({
					file: path,
					line: i + 1,
					col: col + 1,
					message: `unfinished: ${TODO} left in the lesson`
				});
			}
		});
	return problems;
}

type Report = (path: DataPath, message: string, key?: boolean) => void;

function checkParagraphCount(
	file: LessonFile,
	article: ArticleParagraph[],
	articlePath: string,
	report: Report
) {
	const translations = file.paragraphs.length;
	if (translations < article.length) {
		const missing = article[translations]!;
		report(
			['paragraphs'],
			`paragraphs: ${translations} translations for ${article.length} paragraphs; ` +
				`paragraph ${translations} (${articlePath}:${missing.line}) has no translation`,
			true
		);
	} else if (translations > article.length) {
		report(
			['paragraphs', article.length],
			`paragraphs[${article.length}]: one translation too many; ` +
				`${articlePath} has ${article.length} paragraphs`
		);
	}
}

function checkQuestions(file: LessonFile, article: ArticleParagraph[], report: Report) {
	const seen = new Set<string>();
	file.questions.forEach((question, i) => {
		const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
		const name = `questions[${i}] (${question.id})`;
		if (seen.has(question.id)) report(at('id'), `${name}: duplicate question id "${question.id}"`);
		seen.add(question.id);

		const paragraph = article[question.paragraph];
		const translation = file.paragraphs[question.paragraph];
		if (!paragraph) {
			report(
				at('paragraph'),
				`${name}: paragraph ${question.paragraph} does not exist (the article has ` +
					`${article.length}, counted from 0)`
			);
		} else {
			if (!findQuote(paragraph.text, question.evidence)) {
				report(
					at('evidence'),
					`${name}: evidence "${question.evidence}" is not in paragraph ${question.paragraph}`
				);
			}
			if (translation && !findQuote(translation.en, question.evidence_en)) {
				report(
					at('evidence_en'),
					`${name}: evidence_en "${question.evidence_en}" is not in the English of ` +
						`paragraph ${question.paragraph}`
				);
			}
		}
		for (const problem of answerProblems(question))
			report(at(...problem.path), `${name}: ${problem.message}`);
	});
}

interface AnswerProblem {
	path: (string | number)[];
	message: string;
}

/** Whether a question's answer key can be answered at all, by type. */
function answerProblems(question: Question): AnswerProblem[] {
	switch (question.type) {
		case 'choice': {
			const correct = question.choices.filter((c) => c.correct).length;
			const problems = duplicates(question.choices, 'choices');
			if (correct !== 1) {
				problems.push({
					path: ['choices'],
					message: `a choice question needs exactly one correct choice, found ${correct}`
				});
			}
			return problems;
		}
		case 'multi': {
			const correct = question.choices.filter((c) => c.correct).length;
			const problems = duplicates(question.choices, 'choices');
			if (correct < 1 || correct === question.choices.length) {
				problems.push({
					path: ['choices'],
					message: `a multi question needs at least one correct and one wrong choice, found ${correct} correct of ${question.choices.length}`
				});
			}
			return problems;
		}
		case 'order':
			return duplicates(question.items, 'items');
		case 'match':
			return [
				...duplicates(
					question.pairs.map((p) => p.left),
					'pairs'
				),
				...duplicates(
					question.pairs.map((p) => p.right),
					'pairs'
				)
			];
		case 'cloze': {
			const problems: AnswerProblem[] = [];
			for (const lang of ['ar', 'en'] as const) {
				const count = question.text[lang].split(GAP).length - 1;
				if (count !== question.gaps.length) {
					problems.push({
						path: ['text', lang],
						message: `text.${lang} has ${count} gaps (${GAP}) but gaps lists ${question.gaps.length}`
					});
				}
			}
			return [...problems, ...duplicates([...question.gaps, ...question.distractors], 'gaps')];
		}
		case 'short':
			return shortKeyProblems(question);
		case 'truefalse':
		case 'evidence':
			return [];
	}
}

/** Two options that read the same after normalisation would make a question ambiguous. */
function duplicates(options: { ar: string; en: string }[], field: string): AnswerProblem[] {
	const problems: AnswerProblem[] = [];
	for (const lang of ['ar', 'en'] as const) {
		const seen = new Map<string, number>();
		options.forEach((option, i) => {
			const key = normalise(option[lang]);
			const first = seen.get(key);
			if (first !== undefined) {
				problems.push({
					path: [field, i],
					message: `${field}[${i}] repeats ${field}[${first}] in ${lang}: "${option[lang]}"`
				});
			} else seen.set(key, i);
		});
	}
	return problems;
}

function checkGlossary(file: LessonFile, occurrences: TermOccurrence[][][], report: Report) {
	const seen = new Map<string, number>();
	file.glossary.forEach((entry, i) => {
		const key = normalise(entry.ar);
		const first = seen.get(key);
		if (first !== undefined) {
			report(['glossary', i, 'ar'], `glossary[${i}]: "${entry.ar}" repeats glossary[${first}]`);
		}
		seen.set(key, i);
		if (!occurrences.some((paragraph) => paragraph[i]!.length > 0)) {
			report(['glossary', i, 'ar'], `glossary[${i}]: "${entry.ar}" does not occur in the article`);
		}
	});
}

function build(file: LessonFile, article: ArticleParagraph[], links: GlossaryLink[][]): Lesson {
	const paragraphs = article.map((paragraph, i) => {
		const en = file.paragraphs[i]!.en;
		return {
			ar: paragraph.text,
			en,
			terms: links[i]!.map(({ start, end, entry }) => ({ start, end, entry })),
			sentences: { ar: splitSentences(paragraph.text), en: splitSentences(en) }
		};
	});
	const questions = file.questions.map((question) => {
		const paragraph = paragraphs[question.paragraph]!;
		// Both quotes were found by the checks before build runs.
		const ar = findQuote(paragraph.ar, question.evidence)!;
		const en = findQuote(paragraph.en, question.evidence_en)!;
		return { ...question, evidenceSpan: { ar, en } };
	});
	const figures = readability(paragraphs.map((p) => p.ar));
	const content = {
		id: file.id,
		title: file.title,
		summary: file.summary,
		source: file.source,
		level: file.level,
		notes: file.notes,
		paragraphs,
		glossary: file.glossary,
		questions,
		readability: figures,
		readingMinutes: Math.max(1, Math.round(figures.words / READING_SPEED))
	};
	return { ...content, version: contentHash(JSON.stringify(content)) };
}

/**
 * The passage words linked to a glossary entry only by a one-letter match, as notes at their place
 * in the article: the entry may be misspelt, or the word may be another word altogether
 * (القاعدة "the base" one letter from تقاعده "his retirement").
 */
function nearLinks(lesson: Lesson, links: GlossaryLink[][], source: LessonSource): LessonProblem[] {
	const notes: LessonProblem[] = [];
	const lines = normaliseFile(source.article).split('\n');
	const article = splitParagraphs(source.article);
	lesson.paragraphs.forEach((paragraph, p) => {
		for (const span of links[p]!.filter((link) => link.match === 'near')) {
			const word = paragraph.ar.slice(span.start, span.end);
			const entry = lesson.glossary[span.entry]!;
			notes.push({
				file: source.articlePath,
				...positionIn(lines, article[p]!.line, span.start),
				message:
					`note: "${word}" is linked to glossary[${span.entry}] "${entry.ar}" (${entry.en}) ` +
					`only by a one-letter match; check the entry, or add one for this word`
			});
		}
	});
	return notes;
}

/**
 * The line and column (1-based, UTF-16 units as editors count them) of an offset into a paragraph
 * that starts on `line`: a paragraph is its lines trimmed and joined by single spaces.
 */
function positionIn(lines: string[], line: number, offset: number): { line: number; col: number } {
	let at = 0;
	for (let i = line - 1; i < lines.length; i++) {
		const raw = lines[i]!;
		const text = raw.trim();
		if (offset <= at + text.length || i === lines.length - 1) {
			return { line: i + 1, col: raw.length - raw.trimStart().length + (offset - at) + 1 };
		}
		at += text.length + 1;
	}
	return { line, col: 1 };
}

type Issue = v.InferIssue<typeof LessonFile>;

/** Turns a valibot issue into a message an author can act on. */
function describeIssue(issue: Issue): { message: string; atKey: boolean } {
	const received = issue.received;
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return { message: `unknown field ${received}`, atKey: true };
	}
	if (issue.type === 'strict_object' && received === 'undefined') {
		return { message: `missing field ${issue.expected}`, atKey: false };
	}
	if (issue.type === 'picklist' || issue.type === 'variant') {
		const options = (issue.expected ?? '').replace(/^\(|\)$/g, '').replace(/ \| /g, ', ');
		return { message: `must be one of ${options}; got ${received}`, atKey: false };
	}
	if (issue.kind === 'schema') {
		return {
			message: `must be ${article(issue.expected ?? 'value')}, got ${received}`,
			atKey: false
		};
	}
	return { message: issue.message, atKey: false };
}

function article(expected: string): string {
	if (expected === 'Object') return 'a mapping';
	if (expected === 'Array') return 'a list';
	return `a ${expected}`;
}

/** `questions[3] (council-vote).choices[1].en`: where a problem is, in the author's words. */
function describePath(path: DataPath, data: unknown): string {
	let text = '';
	let node: unknown = data;
	for (const key of path) {
		text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
		node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
		if (typeof key === 'number' && path[0] === 'questions' && text === `questions[${key}]`) {
			const id = (node as { id?: unknown } | undefined)?.id;
			if (typeof id === 'string' && ID_PATTERN.test(id)) text += ` (${id})`;
		}
	}
	return text || 'lesson';
}
