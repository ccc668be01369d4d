import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/lesson/index';
import { compileFolders, readFolder } from './folders';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/lessons');
const base = mkdtempSync(join(tmpdir(), 'qiraa-folders-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A `lessons/` folder in a scratch project: copies of the tiny lesson, and the given extras. */
function project(name: string, extras: Record<string, string> = {}): string {
	const root = join(base, name, 'lessons');
	for (let i = 1; i <= 9; i++) {
		const dir = join(root, `tiny-${i}`);
		cpSync(join(FIXTURES, 'valid/tiny'), dir, { recursive: true });
		const yaml = readFileSync(join(dir, 'lesson.yaml'), 'utf8');
		writeFileSync(join(dir, 'lesson.yaml'), yaml.replace(/^id: tiny$/m, `id: tiny-${i}`));
	}
	for (const [dir, fixture] of Object.entries(extras)) {
		cpSync(join(FIXTURES, 'invalid', fixture), join(root, dir), { recursive: true });
	}
	return root;
}

describe('lesson folders', () => {
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
			'tiny-3-broken': 'duplicate-key',
			'tiny-7-broken': 'evidence-not-in-paragraph'
		});
		const dirs = readdirSync(root)
			.sort()
			.map((dir) => join(root, dir));
		const { lessons, problems } = await compileFolders(dirs, join(base, name));
		expect(lessons.map((json) => JSON.parse(json).id)).toEqual(
			Array.from({ length: 9 }, (_, i) => `tiny-${i + 1}`)
		);
		expect(problems.map(formatProblem)).toEqual([
			'lessons/tiny-3-broken/lesson.yaml:9:1: duplicate key (each key may appear once in a mapping)',
			'lessons/tiny-7-broken/lesson.yaml:1:5: id "evidence-not-in-paragraph" must match its folder name "tiny-7-broken"',
			'lessons/tiny-7-broken/lesson.yaml:44:15: questions[2] (final): evidence "إبقاء عدد من القوات" is not in paragraph 0'
		]);
	}, 60_000);
});
