/**
 * The browser editor's model of a lesson, and its conversion to and from the lesson's two files
 * (`article.ar.txt` and `lesson.yaml`), which stay the format underneath: a draft is saved as the
 * two files, so it can be downloaded, checked or published as they are at any moment. Reading is
 * lenient (a hand-written or half-made lesson still opens: a missing text reads as empty, and the
 * compiler then says what is missing); writing puts empty texts into the YAML as they are, so the
 * compiler's "must not be empty" points at the very field still to fill.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { splitParagraphs } from './article';
import type { DataPath } from './parse';
import { detectFrontMatter } from './scaffold';

/** A text in both languages; either may still be empty in a draft. */
export interface DraftText {
	ar: string;
	en: string;
}

/** A question as the editor holds it: the fields every type has, plus its type's own. */
export interface DraftQuestion {
	id: string;
	type: string;
	skill: string;
	paragraph: number;
	evidence: string;
	evidence_en: string;
	prompt: DraftText;
	explain: DraftText;
	[field: string]: unknown;
}

/** A glossary entry as the editor holds it; optional fields left empty are left out of the YAML. */
export interface DraftGlossaryEntry {
	/** The word or phrase as the article has it: what is linked in the passage. */
	ar: string;
	lemma: string;
	root: string;
	pos: string;
	en: string;
	note: DraftText;
	[field: string]: unknown;
}

/** A lesson being written: the article's paragraphs beside their translations, and the rest. */
export interface DraftModel {
	id: string;
	title: DraftText;
	summary: DraftText;
	source: { publisher: DraftText; date: string; genre: string; [field: string]: unknown };
	level: string;
	notes: DraftText[];
	/** The article as published (`ar`, never edited but for merging and splitting) and its English. */
	paragraphs: DraftText[];
	glossary: DraftGlossaryEntry[];
	questions: DraftQuestion[];
	/** Top-level fields the editor does not know, written back as they came. */
	rest: Record<string, unknown>;
}

/** The two files of a lesson, as text. */
export interface DraftFiles {
	article: string;
	lesson: string;
}

const KNOWN = new Set([
	'id',
	'title',
	'summary',
	'source',
	'level',
	'notes',
	'paragraphs',
	'glossary',
	'questions'
]);

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const both = (value: unknown): DraftText => {
	const { ar, en } = record(value);
	return { ar: str(ar), en: str(en) };
};

const filled = (text: DraftText) => text.ar.trim() !== '' || text.en.trim() !== '';

function readQuestion(value: unknown): DraftQuestion {
	const q = record(value);
	return {
		...q,
		id: str(q.id),
		type: str(q.type),
		skill: str(q.skill),
		paragraph: typeof q.paragraph === 'number' ? q.paragraph : 0,
		evidence: str(q.evidence),
		evidence_en: str(q.evidence_en),
		prompt: both(q.prompt),
		explain: both(q.explain)
	};
}

function readEntry(value: unknown): DraftGlossaryEntry {
	const entry = record(value);
	return {
		...entry,
		ar: str(entry.ar),
		lemma: str(entry.lemma),
		root: str(entry.root),
		pos: str(entry.pos),
		en: str(entry.en),
		note: both(entry.note)
	};
}

/** An entry as lesson.yaml has it: no empty root, no note with neither language. */
function writeEntry(entry: DraftGlossaryEntry): Loose {
	// Left out in place rather than rebuilt, so the fields keep their order (and the lesson its
	// version) when nothing was edited.
	const written: Loose = { ...entry };
	if (entry.root.trim() === '') delete written.root;
	if (!filled(entry.note)) delete written.note;
	return written;
}

/**
 * Reads a lesson's two files into the editor's model. YAML that cannot be parsed reads as an
 * empty lesson around the article: the caller shows the compiler's problems for the file itself.
 */
export function filesToModel(files: DraftFiles): DraftModel {
	let data: Loose = {};
	try {
		data = record(parseDocument(files.lesson).toJS({ maxAliasCount: 50 }));
	} catch {
		data = {};
	}
	const translations = list(data.paragraphs).map((p) => str(record(p).en));
	const article = splitParagraphs(files.article).map((p) => p.text);
	const count = Math.max(article.length, translations.length);
	const source = record(data.source);
	return {
		id: str(data.id),
		title: both(data.title),
		summary: both(data.summary),
		source: {
			...source,
			publisher: both(source.publisher),
			date: str(source.date),
			genre: str(source.genre)
		},
		level: str(data.level),
		notes: list(data.notes).map(both),
		paragraphs: Array.from({ length: count }, (_, i) => ({
			ar: article[i] ?? '',
			en: translations[i] ?? ''
		})),
		glossary: list(data.glossary).map(readEntry),
		questions: list(data.questions).map(readQuestion),
		rest: Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN.has(key)))
	};
}

/**
 * The two files of a model. An optional field left wholly empty (summary, level, url) is left
 * out rather than written empty.
 */
export function modelToFiles(model: DraftModel): DraftFiles {
	const { url, ...source } = model.source;
	const lesson: Loose = {
		id: model.id,
		title: model.title,
		...(filled(model.summary) ? { summary: model.summary } : {}),
		source: { ...source, ...(str(url) !== '' ? { url } : {}) },
		...(model.level !== '' ? { level: model.level } : {}),
		...(model.notes.length > 0 ? { notes: model.notes } : {}),
		paragraphs: model.paragraphs.map((p) => ({ en: p.en })),
		glossary: model.glossary.map(writeEntry),
		questions: model.questions,
		...model.rest
	};
	return {
		article: model.paragraphs.map((p) => p.ar).join('\n\n') + '\n',
		lesson: stringify(lesson, { lineWidth: 0 })
	};
}

/**
 * A new lesson from an article as pasted: the scaffold's reading of its banner, headline and date
 * line, every translation and text still to write left empty, and no question yet.
 */
export function newDraftModel(id: string, raw: string): DraftModel {
	const front = detectFrontMatter(splitParagraphs(raw).map((p) => p.text));
	return {
		id,
		title: { ar: front.headline ?? '', en: '' },
		summary: { ar: '', en: '' },
		source: {
			publisher: { ar: front.banner.find((line) => /\p{Script=Arabic}/u.test(line)) ?? '', en: '' },
			date: front.date ?? '',
			genre: 'news'
		},
		level: 'B1',
		notes: [],
		paragraphs: front.body.map((ar) => ({ ar, en: '' })),
		glossary: [],
		questions: [],
		rest: {}
	};
}

/** Moves questions' paragraph numbers after paragraph `after` by `by`. */
function shiftQuestions(questions: DraftQuestion[], after: number, by: number): DraftQuestion[] {
	return questions.map((q) => (q.paragraph > after ? { ...q, paragraph: q.paragraph + by } : q));
}

/** Paragraph `index` and the next become one; questions on later paragraphs follow them. */
export function mergeParagraphs(model: DraftModel, index: number): DraftModel {
	const first = model.paragraphs[index];
	const second = model.paragraphs[index + 1];
	if (!first || !second) return model;
	const join = (a: string, b: string) => [a, b].filter((s) => s.trim() !== '').join(' ');
	return {
		...model,
		paragraphs: [
			...model.paragraphs.slice(0, index),
			{ ar: join(first.ar, second.ar), en: join(first.en, second.en) },
			...model.paragraphs.slice(index + 2)
		],
		questions: shiftQuestions(model.questions, index, -1)
	};
}

/**
 * Paragraph `index` becomes two at character `at` of its Arabic; the translation stays with the
 * first part (the second's is to write), and questions on later paragraphs follow them.
 */
export function splitParagraph(model: DraftModel, index: number, at: number): DraftModel {
	const paragraph = model.paragraphs[index];
	if (!paragraph) return model;
	const head = paragraph.ar.slice(0, at).trim();
	const tail = paragraph.ar.slice(at).trim();
	if (head === '' || tail === '') return model;
	return {
		...model,
		paragraphs: [
			...model.paragraphs.slice(0, index),
			{ ar: head, en: paragraph.en },
			{ ar: tail, en: '' },
			...model.paragraphs.slice(index + 1)
		],
		questions: shiftQuestions(model.questions, index, 1)
	};
}

/** How many paragraphs have a translation. */
export function translatedCount(model: DraftModel): number {
	return model.paragraphs.filter((p) => p.en.trim() !== '').length;
}

/**
 * The path of the field a compiler problem in `lesson.yaml` points at (`['paragraphs', 2, 'en']`),
 * found from its line and column, or undefined when it points at no field (a YAML syntax error).
 * The compiler locates a problem at a value's first character or at its key's.
 */
export function problemPath(yaml: string, line: number, col: number): DataPath | undefined {
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: counter });
	const start = counter.lineStarts[line - 1];
	if (start === undefined) return undefined;
	const offset = start + col - 1;
	type Ranged = { range?: [number, number, number] | null };
	const walk = (node: unknown, path: DataPath): DataPath | undefined => {
		if (isMap(node) || isSeq(node)) {
			for (const [i, item] of node.items.entries()) {
				if (isMap(node)) {
					const pair = item as { key: unknown; value: unknown };
					const key = isScalar(pair.key) ? pair.key.value : undefined;
					if (typeof key !== 'string' && typeof key !== 'number') continue;
					const inner = walk(pair.value, [...path, key]);
					if (inner) return inner;
					if ((pair.key as Ranged).range?.[0] === offset) return [...path, key];
				} else {
					const inner = walk(item, [...path, i]);
					if (inner) return inner;
				}
			}
		}
		const range = (node as Ranged | null)?.range;
		return range && range[0] === offset ? path : undefined;
	};
	return walk(doc.contents, []);
}
