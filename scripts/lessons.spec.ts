import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'scripts/lessons.ts');
const ARTICLES = join(ROOT, 'tests/fixtures/articles');

/** Runs the CLI in a scratch project folder whose `lessons/` the test controls. */
function run(cwd: string, ...args: string[]) {
	const result = spawnSync(TSX, ['--tsconfig', join(ROOT, 'tsconfig.json'), CLI, ...args], {
		cwd,
		encoding: 'utf8'
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'qiraa-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lessons check', () => {
	it('passes on the valid fixtures and exits 0', () => {
		const result = run(ROOT, 'check', 'tests/fixtures/lessons/valid');
		expect(result.stdout).toBe('');
		expect(result.code).toBe(0);
	});

	it('prints one path:line:col line per problem and exits 1', () => {
		const result = run(ROOT, 'check', 'tests/fixtures/lessons/invalid/duplicate-key');
		expect(result.code).toBe(1);
		expect(result.stdout.trim().split('\n')).toEqual([
			'tests/fixtures/lessons/invalid/duplicate-key/lesson.yaml:9:1: duplicate key (each key may appear once in a mapping)'
		]);
	});

	it('checks every invalid fixture at once, one line or more each', () => {
		const result = run(ROOT, 'check', 'tests/fixtures/lessons/invalid');
		expect(result.code).toBe(1);
		for (const line of result.stdout.trim().split('\n')) {
			expect(line).toMatch(/^tests\/fixtures\/lessons\/invalid\/[a-z0-9-]+\/[\w.]+:\d+:\d+: \S/);
		}
	});

	it('lists words linked only by a one-letter match with --near, as notes that fail nothing', () => {
		const fixture = 'tests/fixtures/lessons/valid/near-links';
		expect(run(ROOT, 'check', fixture).stdout).toBe('');
		const result = run(ROOT, 'check', '--near', fixture);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			new RegExp(
				`^${fixture}/article\\.ar\\.txt:3:\\d+: note: "المليشيات" is linked to glossary\\[6\\]`
			)
		);
		expect(lines[1]).toMatch(new RegExp(`^${fixture}/lesson\\.yaml:16:11: note: glossary\\[2\\]`));
	});

	it('names a path that does not exist', () => {
		const result = run(ROOT, 'check', 'no/such/lesson');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('no/such/lesson: no such file or folder');
	});
});

describe('lessons new', () => {
	it('scaffolds the second article without its banner, headline and date', () => {
		const cwd = mkdtempSync(join(scratch, 'new-'));
		const result = run(cwd, 'new', join(ARTICLES, 'report-with-banner.txt'), '--id', 'aegis');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('created lessons/aegis/ with 16 paragraphs');
		expect(result.stdout).toContain(
			'headline: البصرة تدعو القوات البريطانية للعودة اليها لحفظ الأمن'
		);
		expect(result.stdout).toContain('(2014-01-03)');
		const article = readFileSync(join(cwd, 'lessons/aegis/article.ar.txt'), 'utf8');
		expect(article.startsWith('بعد ست سنوات من مغادرة القوات البريطانية')).toBe(true);
		expect(article).not.toContain('basra_2781015b');
		const yaml = readFileSync(join(cwd, 'lessons/aegis/lesson.yaml'), 'utf8');
		expect(yaml).toContain('date: 2014-01-03');
		expect(yaml.match(/TODO: translate paragraph/g)).toHaveLength(16);

		const check = run(cwd, 'check');
		expect(check.code).toBe(1);
		expect(check.stdout).toContain('unfinished: TODO left in the lesson');
	});

	it('keeps a plain article whole and refuses to overwrite a lesson', () => {
		const cwd = mkdtempSync(join(scratch, 'plain-'));
		const article = join(ARTICLES, 'column-plain.txt');
		expect(run(cwd, 'new', article, '--id', 'column').stdout).toContain('with 6 paragraphs');
		const again = run(cwd, 'new', article, '--id', 'column');
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already exists');
	});

	it('rejects a bad id', () => {
		const cwd = mkdtempSync(join(scratch, 'bad-'));
		const result = run(cwd, 'new', join(ARTICLES, 'column-plain.txt'), '--id', 'Bad Id');
		expect(result.code).toBe(1);
	});
});

describe('lessons export', () => {
	it('prints the compiled lessons as JSON', () => {
		const cwd = mkdtempSync(join(scratch, 'export-'));
		cpSync(join(ROOT, 'tests/fixtures/lessons/valid/tiny'), join(cwd, 'lessons/tiny'), {
			recursive: true
		});
		const result = run(cwd, 'export');
		expect(result.code).toBe(0);
		const lessons = JSON.parse(result.stdout) as { id: string; paragraphs: unknown[] }[];
		expect(lessons.map((l) => l.id)).toEqual(['tiny']);
		expect(lessons[0]!.paragraphs).toHaveLength(2);
	});
});
