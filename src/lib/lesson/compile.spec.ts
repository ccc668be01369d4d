import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLesson, formatProblem, type CompileResult } from './index';

const FIXTURES = 'tests/fixtures/lessons';

function compileFixture(kind: 'valid' | 'invalid', name: string): CompileResult {
	const dir = join(FIXTURES, kind, name);
	return compileLesson({
		dir: name,
		yamlPath: join(dir, 'lesson.yaml'),
		yaml: readFileSync(join(dir, 'lesson.yaml'), 'utf8'),
		articlePath: join(dir, 'article.ar.txt'),
		article: readFileSync(join(dir, 'article.ar.txt'), 'utf8')
	});
}

function problemLines(result: CompileResult): string[] {
	if (result.ok) throw new Error('expected the lesson to be rejected');
	return result.problems.map(formatProblem);
}

/** Every invalid fixture, with the first line `lessons check` must print for it. */
const INVALID: Record<string, string> = {
	'yaml-syntax': 'lesson.yaml:2:33: YAML syntax error: Unexpected scalar at node end',
	'duplicate-key': 'lesson.yaml:9:1: duplicate key (each key may appear once in a mapping)',
	'missing-translation':
		'lesson.yaml:9:1: paragraphs: 1 translations for 2 paragraphs; paragraph 1 (tests/fixtures/lessons/invalid/missing-translation/article.ar.txt:2) has no translation',
	'extra-translation':
		'lesson.yaml:12:5: paragraphs[2]: one translation too many; tests/fixtures/lessons/invalid/extra-translation/article.ar.txt has 2 paragraphs',
	'evidence-not-in-paragraph':
		'lesson.yaml:44:15: questions[2] (final): evidence "إبقاء عدد من القوات" is not in paragraph 0',
	'evidence-en-not-in-translation':
		'lesson.yaml:45:18: questions[2] (final): evidence_en "the decision was unanimous" is not in the English of paragraph 0',
	'answer-not-among-choices':
		'lesson.yaml:24:7: questions[0] (vote-count): a choice question needs exactly one correct choice, found 0',
	'duplicate-question-id':
		'lesson.yaml:28:9: questions[1] (vote-count): duplicate question id "vote-count"',
	'unknown-field': 'lesson.yaml:42:5: questions[2] (final).difficulty: unknown field "difficulty"',
	'todo-left': 'lesson.yaml:3:45: unfinished: TODO left in the lesson',
	'empty-article': 'article.ar.txt:1:1: the article is empty',
	'bidi-in-id': 'lesson.yaml:82:12: invisible control character U+202E is not allowed',
	'wrong-type': 'lesson.yaml:73:16: questions[5] (who-said).paragraph: must be a number, got "one"',
	oversized: 'lesson.yaml:1:1: file is 281345 bytes; the limit is 262144',
	'glossary-not-in-text': 'lesson.yaml:13:11: glossary[0]: "المطار" does not occur in the article',
	'cloze-gap-mismatch':
		'lesson.yaml:89:17: questions[6] (gap): text.ar has 2 gaps (___) but gaps lists 1',
	'unknown-question-type':
		'lesson.yaml:94:11: questions[7] (opinion).type: must be one of "choice", "multi", "truefalse", "short", "order", "match", "cloze", "evidence"; got "essay"',
	'paragraph-out-of-range':
		'lesson.yaml:85:16: questions[6] (gap): paragraph 5 does not exist (the article has 2, counted from 0)',
	'missing-english-title': 'lesson.yaml:2:8: title.en: missing field "en"',
	'alias-bomb':
		'lesson.yaml:1:1: YAML aliases expand too far: Excessive alias count indicates a resource exhaustion attack',
	'id-mismatch': 'lesson.yaml:1:5: id "tiny" must match its folder name "id-mismatch"',
	'multi-all-correct':
		'lesson.yaml:36:7: questions[1] (who-spoke): a multi question needs at least one correct and one wrong choice, found 3 correct of 3',
	'yaml11-boolean':
		'lesson.yaml:47:13: questions[2] (final).answer: must be one of "true", "false", "not-given"; got "yes"',
	'bad-date': 'lesson.yaml:6:9: source.date: must be a date written YYYY-MM-DD',
	'script-url': 'lesson.yaml:8:8: source.url: must be an http:// or https:// address',
	'nul-in-article': 'article.ar.txt:1:85: invisible control character U+0000 is not allowed',
	'must-not-in-answer':
		'lesson.yaml:58:30: questions[3] (how-many): must.en[0] "members" is not in the canonical answer "26"',
	'must-not-a-list': 'lesson.yaml:58:17: questions[3] (how-many).must.ar: must be a list, got "26"'
};

describe('compileLesson on the fixture corpus', () => {
	it('has an expectation for every invalid fixture, and at least 15 of them', () => {
		const names = readdirSync(join(FIXTURES, 'invalid')).sort();
		expect(names).toEqual(Object.keys(INVALID).sort());
		expect(names.length).toBeGreaterThanOrEqual(15);
	});

	it.each(Object.entries(INVALID))('rejects %s with a located message', (name, expected) => {
		const lines = problemLines(compileFixture('invalid', name));
		expect(lines[0]).toBe(`${FIXTURES}/invalid/${name}/${expected}`);
	});

	it.each(readdirSync(join(FIXTURES, 'valid')))('accepts %s', (name) => {
		const result = compileFixture('valid', name);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
	});
});

describe('the compiled lesson', () => {
	const tiny = compileFixture('valid', 'tiny');
	const crlf = compileFixture('valid', 'with-bom-crlf');
	const blank = compileFixture('valid', 'blank-line-paragraphs');
	if (!tiny.ok || !crlf.ok || !blank.ok) throw new Error('valid fixtures must compile');

	it('pairs each paragraph of the article with its translation, in order', () => {
		expect(tiny.lesson.paragraphs).toHaveLength(2);
		expect(tiny.lesson.paragraphs[0]!.ar).toBe(
			'صوّت مجلس المحافظة بأغلبية 26 عضواً من أصل 35 على القرار. وقال رئيس الكتلة إن القرار نهائي.'
		);
		expect(tiny.lesson.paragraphs[1]!.en).toMatch(/^The writer believes/);
	});

	it('reads a BOM, CRLF line ends and blank-line paragraphs as the same text', () => {
		expect(crlf.lesson.paragraphs).toEqual(tiny.lesson.paragraphs);
		expect(blank.lesson.paragraphs).toEqual(tiny.lesson.paragraphs);
		expect(crlf.lesson.paragraphs[0]!.ar).not.toMatch(/[\r\uFEFF]/);
	});

	it('versions the content: same content same version, any change a new one', () => {
		const again = compileFixture('valid', 'tiny');
		expect(again.ok && again.lesson.version).toBe(tiny.lesson.version);
		expect(tiny.lesson.version).toMatch(/^[0-9a-f]{14}$/);
		const dir = join(FIXTURES, 'valid', 'tiny');
		const edited = compileLesson({
			dir: 'tiny',
			yamlPath: 'lesson.yaml',
			yaml: readFileSync(join(dir, 'lesson.yaml'), 'utf8').replace('A test paper', 'A test paper.'),
			articlePath: 'article.ar.txt',
			article: readFileSync(join(dir, 'article.ar.txt'), 'utf8')
		});
		expect(edited.ok && edited.lesson.version).not.toBe(tiny.lesson.version);
	});

	it('keeps every question type and computes readability figures', () => {
		expect(tiny.lesson.questions.map((q) => q.type)).toEqual([
			'choice',
			'multi',
			'truefalse',
			'short',
			'order',
			'match',
			'cloze',
			'evidence'
		]);
		expect(tiny.lesson.readability.words).toBeGreaterThan(20);
		expect(tiny.lesson.readingMinutes).toBeGreaterThanOrEqual(1);
	});

	it('locates glossary words, sentences and evidence for the app to mark', () => {
		const [first] = tiny.lesson.paragraphs;
		const marked = first!.terms.map((span) => first!.ar.slice(span.start, span.end));
		expect(marked).toEqual(['مجلس المحافظة']);
		expect(tiny.lesson.paragraphs[1]!.terms.map((t) => t.entry)).toEqual([1]);
		expect(first!.sentences.ar).toHaveLength(2);
		expect(first!.sentences.en).toHaveLength(2);
		const vote = tiny.lesson.questions[0]!;
		expect(first!.ar.slice(vote.evidenceSpan.ar.start, vote.evidenceSpan.ar.end)).toBe(
			'26 عضواً من أصل 35'
		);
		expect(first!.en.slice(vote.evidenceSpan.en.start, vote.evidenceSpan.en.end)).toBe(
			'26 members out of 35'
		);
	});
});

describe('compileLesson: glossary links', () => {
	// Every entry of this fixture is one letter from another entry's word and listed before it.
	const near = compileFixture('valid', 'near-links');
	if (!near.ok) throw new Error(near.problems.map(formatProblem).join('\n'));
	const { lesson } = near;

	/** Each linked word of the lesson with the English of the entry a tap shows. */
	const shown = (compiled: typeof lesson) =>
		compiled.paragraphs.flatMap((paragraph) =>
			paragraph.terms.map(
				(term) => `${paragraph.ar.slice(term.start, term.end)} ${compiled.glossary[term.entry]!.en}`
			)
		);

	it('shows each word its own entry, never one a letter away listed earlier', () => {
		expect(shown(lesson)).toEqual([
			'القاعدة al-Qaeda',
			'تقاعده his retirement',
			'تشديد tightening',
			'وتوجيه directing',
			'بتمديد extension',
			'المليشيات militias'
		]);
	});

	it('links the same words whatever the order of the entries', () => {
		const dir = join(FIXTURES, 'valid', 'near-links');
		const yaml = readFileSync(join(dir, 'lesson.yaml'), 'utf8');
		const [head, entries] = yaml.split('glossary:\n') as [string, string];
		const reversed = compileLesson({
			dir: 'near-links',
			yamlPath: 'lesson.yaml',
			yaml: `${head}glossary:\n${entries.trimEnd().split('\n').reverse().join('\n')}\n`,
			articlePath: 'article.ar.txt',
			article: readFileSync(join(dir, 'article.ar.txt'), 'utf8')
		});
		if (!reversed.ok) throw new Error(reversed.problems.map(formatProblem).join('\n'));
		expect(shown(reversed.lesson)).toEqual(shown(lesson));
	});

	it('notes each word linked only by a one-letter match, and each entry linked nowhere', () => {
		const article = readFileSync(join(FIXTURES, 'valid', 'near-links', 'article.ar.txt'), 'utf8');
		const [note, unlinked, ...rest] = near.notes;
		expect(rest).toEqual([]);
		expect(note!.file).toBe('tests/fixtures/lessons/valid/near-links/article.ar.txt');
		const line = article.split('\n')[note!.line - 1]!;
		expect(line.slice(note!.col - 1, note!.col - 1 + 'المليشيات'.length)).toBe('المليشيات');
		expect(note!.message).toBe(
			'note: "المليشيات" is linked to glossary[6] "الميليشيات" (militias) only by a one-letter ' +
				'match; check the entry, or add one for this word'
		);
		expect(formatProblem(unlinked!)).toBe(
			'tests/fixtures/lessons/valid/near-links/lesson.yaml:16:11: note: glossary[2]: "توصية" ' +
				'(recommendation) is linked to no word: it is only one letter from words that other ' +
				'entries match'
		);
	});

	it('has no notes for a lesson whose words all match their entries', () => {
		const tiny = compileFixture('valid', 'tiny');
		expect(tiny.ok && tiny.notes).toEqual([]);
	});

	it('places a note in a paragraph written over several lines', () => {
		const result = compileLesson({
			dir: 'lines',
			yamlPath: 'lesson.yaml',
			yaml: [
				'id: lines',
				'title: { ar: "قرار", en: "A decision" }',
				'source: { publisher: { ar: "صحيفة", en: "A paper" }, date: "2014-01-03", genre: news }',
				'paragraphs: [{ en: "The council voted on the decision today." }, { en: "Then it left." }]',
				'glossary: [{ ar: "القرارت", lemma: "قرار", pos: noun, en: "decisions" }]'
			].join('\n'),
			articlePath: 'article.ar.txt',
			article: 'صوّت مجلس المحافظة\n  على القرار اليوم.\n\nثم انصرف.\n'
		});
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		expect(result.notes.map(formatProblem)).toEqual([
			'article.ar.txt:2:7: note: "القرار" is linked to glossary[0] "القرارت" (decisions) only by ' +
				'a one-letter match; check the entry, or add one for this word'
		]);
	});
});
