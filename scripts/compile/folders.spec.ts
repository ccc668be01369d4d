import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileLesson, formatProblem, LessonError } from '../../src/lib/lesson/index';
import {
	compiledLessons,
	compileFolders,
	isLessonFolder,
	lessonFolders,
	lessonsModule,
	readFolder
} from './folders';
import { MIN_LESSONS_FOR_THREADS } from './pool';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/lessons');
const base = mkdtempSync(join(tmpdir(), 'qiraa-folders-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Enough for the compiler threads, named so that they sort in number order.
const TINY = Array.from({ length: MIN_LESSONS_FOR_THREADS }, (_, i) => `tiny-${i + 100}`);

/** A `lessons/` folder in a scratch project: copies of the tiny lesson, and the given extras. */
function project(name: string, extras: Record<string, string> = {}): string {
	const root = join(base, name, 'lessons');
	for (const id of TINY) {
		const dir = join(root, id);
		cpSync(join(FIXTURES, 'valid/tiny'), dir, { recursive: true });
		const yaml = readFileSync(join(dir, 'lesson.yaml'), 'utf8');
		writeFileSync(join(dir, 'lesson.yaml'), yaml.replace(/^id: tiny$/m, `id: ${id}`));
	}
	for (const [dir, fixture] of Object.entries(extras)) {
		cpSync(join(FIXTURES, 'invalid', fixture), join(root, dir), { recursive: true });
	}
	return root;
}

describe('lesson folders', () => {
	it('lists the folders that hold a lesson file, by name', () => {
		const root = project('list');
		mkdirSync(join(root, 'notes'));
		writeFileSync(join(root, 'README.md'), 'not a lesson');
		expect(lessonFolders(root).map((dir) => dir.slice(root.length + 1))).toEqual(TINY);
		expect(lessonFolders(join(base, 'nowhere'))).toEqual([]);
	});

	it('names a missing file relative to the base folder', () => {
		const root = project('missing');
		const dir = join(root, 'half');
		mkdirSync(dir);
		writeFileSync(join(dir, 'lesson.yaml'), 'id: half\n');
		expect(readFolder(dir, join(base, 'missing'))).toEqual({
			problems: [
				{ file: 'lessons/half/article.ar.txt', line: 1, col: 1, message: 'file is missing' }
			]
		});
	});

	it('compiles many folders on threads, listing problems by folder in order', async () => {
		const name = 'many';
		const root = project(name, {
			'tiny-113-broken': 'duplicate-key',
			'tiny-117-broken': 'evidence-not-in-paragraph'
		});
		const dirs = lessonFolders(root);
		const { lessons, problems } = await compileFolders(dirs, join(base, name));
		expect(lessons.map((json) => JSON.parse(json).id)).toEqual(TINY);
		expect(problems.map(formatProblem)).toEqual([
			'lessons/tiny-113-broken/lesson.yaml:9:1: duplicate key (each key may appear once in a mapping)',
			'lessons/tiny-117-broken/lesson.yaml:1:5: id "evidence-not-in-paragraph" must match its folder name "tiny-117-broken"',
			'lessons/tiny-117-broken/lesson.yaml:44:15: questions[2] (final): evidence "إبقاء عدد من القوات" is not in paragraph 0'
		]);
	}, 60_000);

	it('makes a module of the compiled lessons, or throws every problem', async () => {
		const good = project('module');
		const source = await lessonsModule(good, join(base, 'module'));
		const literal = source.match(/^export default JSON\.parse\((.*)\);\n$/s)![1]!;
		const compiled = JSON.parse(JSON.parse(literal)) as unknown[];
		const first = readFolder(join(good, 'tiny-100'), join(base, 'module'));
		const expected = 'source' in first ? compileLesson(first.source) : undefined;
		expect(compiled).toHaveLength(TINY.length);
		expect(compiled[0]).toEqual(expected?.ok && JSON.parse(JSON.stringify(expected.lesson)));

		const bad = project('bad-module', { 'tiny-115-broken': 'yaml-syntax' });
		const error = await lessonsModule(bad, join(base, 'bad-module')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(LessonError);
		expect((error as LessonError).message).toBe(
			'lessons/tiny-115-broken/lesson.yaml:2:33: YAML syntax error: Unexpected scalar at node end'
		);
	}, 60_000);
});

describe('compiled lessons, in this thread', () => {
	it('compiles every lesson folder of a folder, by name', () => {
		const root = join(FIXTURES, 'valid');
		const ids = compiledLessons(root).map((lesson) => lesson.id);
		expect(ids).toHaveLength(lessonFolders(root).length);
		expect(ids).toContain('tiny');
		expect(isLessonFolder(join(root, 'tiny'))).toBe(true);
		expect(isLessonFolder(root)).toBe(false);
	});

	it('throws every problem when a lesson is invalid', () => {
		const root = join(base, 'one-invalid');
		cpSync(join(FIXTURES, 'valid/tiny'), join(root, 'tiny'), { recursive: true });
		cpSync(join(FIXTURES, 'invalid/duplicate-key'), join(root, 'broken'), { recursive: true });
		expect(() => compiledLessons(root)).toThrow(LessonError);
		expect(() => compiledLessons(root)).toThrow(/broken\/lesson\.yaml:\d+:\d+: /);
	});
});
