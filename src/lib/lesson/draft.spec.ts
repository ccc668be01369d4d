/**
 * The editor's model and the two files: a shipped lesson survives the round trip with the same
 * compiled version, a new article becomes a draft with its front matter read and blanks left for
 * the compiler to point at, merge and split keep questions on their paragraphs, and problems are
 * traced back to their fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileLesson } from './compile';
import {
	filesToModel,
	mergeParagraphs,
	modelToFiles,
	newDraftModel,
	problemPath,
	splitParagraph,
	translatedCount,
	type DraftFiles
} from './draft';

const compile = (files: DraftFiles) =>
	compileLesson({
		yamlPath: 'lesson.yaml',
		yaml: files.lesson,
		articlePath: 'article.ar.txt',
		article: files.article
	});

const folder = (dir: string): DraftFiles => ({
	article: readFileSync(`${dir}/article.ar.txt`, 'utf8'),
	lesson: readFileSync(`${dir}/lesson.yaml`, 'utf8')
});

describe('files ↔ model', () => {
	it.each([
		'lessons/basra-aegis-security',
		'lessons/basra-council-us-forces',
		'tests/fixtures/lessons/valid/tiny'
	])('%s compiles to the same version after the round trip', (dir) => {
		const files = folder(dir);
		const before = compile(files);
		const after = compile(modelToFiles(filesToModel(files)));
		expect(before.ok && after.ok).toBe(true);
		if (!before.ok || !after.ok) return;
		expect(after.lesson.version).toBe(before.lesson.version);
	});

	it('writes what it read: model → files → model is the identity', () => {
		const model = filesToModel(folder('tests/fixtures/lessons/valid/tiny'));
		expect(filesToModel(modelToFiles(model))).toEqual(model);
	});

	it('keeps top-level fields it does not know', () => {
		const files = folder('tests/fixtures/lessons/valid/tiny');
		const model = filesToModel({ ...files, lesson: `${files.lesson}\nextra: 1\n` });
		expect(model.rest).toEqual({ extra: 1 });
		expect(modelToFiles(model).lesson).toContain('extra: 1');
	});

	it('writes a glossary entry without the root and note left empty, keeping its other fields', () => {
		const model = filesToModel(folder('tests/fixtures/lessons/valid/tiny'));
		model.glossary = [
			{ ar: 'أ', lemma: 'ب', root: ' ', pos: '', en: '', note: { ar: '', en: '' }, x: 1 },
			{ ar: 'ج', lemma: 'د', root: 'ج د', pos: 'noun', en: 'e', note: { ar: '', en: 'f' } }
		];
		const { glossary } = parse(modelToFiles(model).lesson) as { glossary: unknown[] };
		expect(glossary).toEqual([
			{ ar: 'أ', lemma: 'ب', pos: '', en: '', x: 1 },
			{ ar: 'ج', lemma: 'د', root: 'ج د', pos: 'noun', en: 'e', note: { ar: '', en: 'f' } }
		]);
	});

	it('reads YAML that cannot be parsed as an empty lesson around the article', () => {
		const model = filesToModel({ article: 'فقرة أولى.\n\nفقرة ثانية.\n', lesson: 'id: [' });
		expect(model.id).toBe('');
		expect(model.paragraphs).toEqual([
			{ ar: 'فقرة أولى.', en: '' },
			{ ar: 'فقرة ثانية.', en: '' }
		]);
	});
});

const HEADLINE = 'البصرة تدعو القوات البريطانية للعودة اليها لحفظ الأمن';
const BODY = [
	'أعلن محافظ البصرة أن المحافظة ستستعين بخبرات شركة أمنية بريطانية خاصة لتقديم المشورة في مجال الأمن.',
	'وقال المحافظ إن الشركة ستساعد في تركيب كاميرات المراقبة في أنحاء المدينة. وأضاف أن العقد لمدة عام.'
];
const RAW = [
	'المبادرة الدولية للتضامن مع المجتمع المدني العراقي',
	'ICSSI brings together Iraqi and international civil societies.',
	HEADLINE,
	'٣ كانون الثاني ٢٠١٤',
	...BODY
].join('\n\n');

describe('newDraftModel', () => {
	it('carries the headline and date over and keeps only the body as the article', () => {
		const model = newDraftModel('basra-new', RAW);
		expect(model.title).toEqual({ ar: HEADLINE, en: '' });
		expect(model.source.date).toBe('2014-01-03');
		expect(model.source.publisher.ar).toBe('المبادرة الدولية للتضامن مع المجتمع المدني العراقي');
		expect(model.paragraphs.map((p) => p.ar)).toEqual(BODY);
		expect(translatedCount(model)).toBe(0);
	});

	it('leaves blanks the compiler points at, field by field', () => {
		const files = modelToFiles(newDraftModel('basra-new', RAW));
		expect(files.article).toBe(BODY.join('\n\n') + '\n');
		const result = compile(files);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const paths = result.problems.map((p) => problemPath(files.lesson, p.line, p.col)?.join('.'));
		expect(paths).toEqual(
			expect.arrayContaining([
				'title.en',
				'source.publisher.en',
				'paragraphs.0.en',
				'paragraphs.1.en'
			])
		);
	});

	it('compiles once every blank is filled', () => {
		const model = newDraftModel('basra-new', RAW);
		model.title.en = 'Basra calls for British help';
		model.source.publisher.en = 'ICSSI';
		model.paragraphs = model.paragraphs.map((p, i) => ({ ...p, en: `Paragraph ${i}.` }));
		expect(compile(modelToFiles(model)).ok).toBe(true);
	});
});

describe('merge and split', () => {
	const model = () => {
		const m = newDraftModel('x', BODY.join('\n\n') + '\n\nفقرة ثالثة هنا.');
		m.paragraphs[0]!.en = 'One.';
		m.paragraphs[1]!.en = 'Two.';
		m.questions = [0, 1, 2].map((paragraph) => ({
			id: `q${paragraph}`,
			type: 'evidence',
			skill: 'detail',
			paragraph,
			evidence: '',
			evidence_en: '',
			prompt: { ar: '', en: '' },
			explain: { ar: '', en: '' }
		}));
		return m;
	};

	it('merges a paragraph with the next, translations too, and moves later questions up', () => {
		const merged = mergeParagraphs(model(), 0);
		expect(merged.paragraphs).toHaveLength(2);
		expect(merged.paragraphs[0]).toEqual({ ar: `${BODY[0]} ${BODY[1]}`, en: 'One. Two.' });
		expect(merged.questions.map((q) => q.paragraph)).toEqual([0, 0, 1]);
	});

	it('splits at a character, the translation staying with the first part', () => {
		const at = BODY[1]!.indexOf('وأضاف');
		const split = splitParagraph(model(), 1, at);
		expect(split.paragraphs.map((p) => p.ar)).toEqual([
			BODY[0],
			'وقال المحافظ إن الشركة ستساعد في تركيب كاميرات المراقبة في أنحاء المدينة.',
			'وأضاف أن العقد لمدة عام.',
			'فقرة ثالثة هنا.'
		]);
		expect(split.paragraphs.map((p) => p.en)).toEqual(['One.', 'Two.', '', '']);
		expect(split.questions.map((q) => q.paragraph)).toEqual([0, 1, 3]);
	});

	it('refuses a split that would leave an empty part, and a merge of the last paragraph', () => {
		const m = model();
		expect(splitParagraph(m, 0, 0)).toBe(m);
		expect(mergeParagraphs(m, 2)).toBe(m);
	});
});

describe('problemPath', () => {
	it('names no field for a line past the end', () => {
		expect(problemPath('id: x\n', 9, 1)).toBeUndefined();
	});

	it('finds a key as well as a value', () => {
		const yaml = 'id: x\ntitle:\n  ar: a\n  en: b\n';
		expect(problemPath(yaml, 4, 3)).toEqual(['title', 'en']);
		expect(problemPath(yaml, 4, 7)).toEqual(['title', 'en']);
	});
});
