import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLesson, type CompileResult } from './index';

const DIR = 'tests/fixtures/lessons/valid/tiny';
const YAML = readFileSync(`${DIR}/lesson.yaml`, 'utf8');
const ARTICLE = readFileSync(`${DIR}/article.ar.txt`, 'utf8');

function compile(yaml: string, article = ARTICLE): CompileResult {
	return compileLesson({
		dir: 'tiny',
		yamlPath: 'lesson.yaml',
		yaml,
		articlePath: 'article.ar.txt',
		article
	});
}

/** Whatever the input, the answer is a lesson or located problems: never a throw. */
function expectWellFormed(result: CompileResult, yaml: string) {
	if (result.ok) return;
	expect(result.problems.length).toBeGreaterThan(0);
	const lines = yaml.split('\n').length + 1;
	for (const problem of result.problems) {
		expect(['lesson.yaml', 'article.ar.txt']).toContain(problem.file);
		expect(problem.line).toBeGreaterThanOrEqual(1);
		expect(problem.col).toBeGreaterThanOrEqual(1);
		if (problem.file === 'lesson.yaml') expect(problem.line).toBeLessThanOrEqual(lines);
		expect(problem.message.trim()).not.toBe('');
	}
}

const lines = YAML.split('\n');

/** Small edits an author (or a broken editor) makes to a lesson file. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('drop' as const), at: fc.nat(lines.length - 1) }),
	fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(lines.length - 1) }),
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.nat(lines.length - 1),
		text: fc.string({ unit: 'binary', maxLength: 20 })
	}),
	fc.record({
		kind: fc.constant('replace' as const),
		at: fc.nat(lines.length - 1),
		col: fc.nat(60),
		text: fc.string({ unit: 'grapheme', maxLength: 5 })
	}),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat(YAML.length) })
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string[], change: Mutation): string[] {
	const next = [...text];
	switch (change.kind) {
		case 'drop':
			next.splice(change.at, 1);
			break;
		case 'repeat':
			next.splice(change.at, 0, next[change.at] ?? '');
			break;
		case 'insert':
			next.splice(change.at, 0, change.text);
			break;
		case 'replace': {
			const line = next[change.at] ?? '';
			next[change.at] = line.slice(0, change.col) + change.text + line.slice(change.col + 1);
			break;
		}
		case 'cut':
			return next.join('\n').slice(0, change.at).split('\n');
	}
	return next;
}

describe('the compiler under random input', () => {
	it('answers mutated lesson files with a lesson or located problems, never a throw', () => {
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
				const yaml = changes.reduce(apply, lines).join('\n');
				expectWellFormed(compile(yaml), yaml);
			}),
			{ numRuns: 400 }
		);
	});

	it('answers random text the same way', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (yaml) => {
				expectWellFormed(compile(yaml), yaml);
			}),
			{ numRuns: 300 }
		);
	});

	it('never accepts a lesson whose evidence is missing from its paragraph', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 30 }), (junk) => {
				const quote = `zz${junk.replace(/["\\\n]/g, '')}zz`;
				const yaml = YAML.replace('evidence: "القرار نهائي"', `evidence: "${quote}"`);
				const result = compile(yaml);
				expect(result.ok).toBe(false);
			}),
			{ numRuns: 100 }
		);
	});

	it('accepts the same lesson whatever the article line ends and byte order mark', () => {
		fc.assert(
			fc.property(fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (end, bom) => {
				const article = (bom ? '\uFEFF' : '') + ARTICLE.replace(/\n/g, end);
				const result = compile(YAML, article);
				expect(result.ok).toBe(true);
			})
		);
	});
});

describe('the compiler on hostile and tricky files', () => {
	it('refuses very deep nesting with a located error', () => {
		const deep = `id: tiny\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
		const result = compile(deep);
		expect(result.ok).toBe(false);
		expectWellFormed(result, deep);
	});

	it('reads YAML 1.1 look-alikes as plain YAML 1.2 values', () => {
		// `012` is the number 12 in YAML 1.2 (not octal 10): paragraph 12 does not exist.
		const octal = compile(
			YAML.replace(
				'    paragraph: 1\n    evidence: "إبقاء',
				'    paragraph: 012\n    evidence: "إبقاء'
			)
		);
		expect(!octal.ok && octal.problems[0]!.message).toContain('paragraph 12 does not exist');
		// An unquoted date stays the text it is.
		expect(compile(YAML.replace('date: "2014-01-03"', 'date: 2014-01-03')).ok).toBe(true);
	});

	it('finds evidence whatever the Unicode form of the Arabic', () => {
		const nfd = YAML.replace(
			'evidence: "26 عضواً من أصل 35"',
			`evidence: "${'26 عضواً من أصل 35'.normalize('NFD')}"`
		);
		expect(compile(nfd).ok).toBe(true);
		const article = ARTICLE.normalize('NFD');
		expect(compile(YAML, article).ok).toBe(true);
	});

	it('finds evidence written with presentation forms', () => {
		// U+FEF7 is the lam-alef-with-hamza ligature a PDF copy may give for «لأ» in «الأقل».
		const yaml = YAML.replace(
			'evidence: "إبقاء عدد من القوات"',
			'evidence: "على ا\uFEF7قل"'
		).replace('evidence_en: "keep a number of forces"', 'evidence_en: "at least"');
		expect(yaml).toContain('\uFEF7');
		const result = compile(yaml);
		expect(result.ok ? [] : result.problems).toEqual([]);
	});

	it('refuses bidi controls and NUL anywhere in the lesson file', () => {
		for (const control of ['\u202E', '\u2066', '\u200F', '\u0000']) {
			const result = compile(YAML.replace('The council', `The${control} council`));
			expect(result.ok).toBe(false);
			expect(!result.ok && result.problems[0]!.message).toMatch(/control character/);
		}
	});
});
