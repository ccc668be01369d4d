import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonSource } from '../../src/lib/lesson/index';
import { compileMany, compileToJson, MIN_LESSONS_FOR_THREADS } from './pool';

const FIXTURES = 'tests/fixtures/lessons';

function source(kind: 'valid' | 'invalid', fixture: string, dir = fixture): LessonSource {
	const folder = join(FIXTURES, kind, fixture);
	const yaml = readFileSync(join(folder, 'lesson.yaml'), 'utf8');
	return {
		dir,
		yamlPath: join(folder, 'lesson.yaml'),
		yaml: yaml.replace(/^id:.*$/m, `id: ${dir}`),
		articlePath: join(folder, 'article.ar.txt'),
		article: readFileSync(join(folder, 'article.ar.txt'), 'utf8')
	};
}

// Enough lessons for threads, two of them invalid: one in the middle of a batch, and the last.
const BROKEN = 21;
const LAST = MIN_LESSONS_FOR_THREADS + 1;
const SOURCES = Array.from({ length: LAST + 1 }, (_, i) => {
	if (i === BROKEN) return source('invalid', 'evidence-not-in-paragraph', `broken-${i}`);
	if (i === LAST) return source('invalid', 'yaml-syntax');
	return source('valid', 'tiny', `tiny-${i}`);
});
const valid = (_: unknown, i: number) => i !== BROKEN && i !== LAST;

describe('compileMany', () => {
	it('compiles on threads what one thread would, in the order given', async () => {
		const threaded = await compileMany(SOURCES, 2);
		expect(threaded).toEqual(SOURCES.map(compileToJson));
		expect(threaded.map((result) => result.ok)).toEqual(SOURCES.map(valid));
		const ids = threaded.flatMap((result) => (result.ok ? [JSON.parse(result.json).id] : []));
		expect(ids).toEqual(SOURCES.filter(valid).map((s) => s.dir));
	}, 60_000);

	it("reports an invalid lesson's problems with their lines and columns", async () => {
		const [broken] = (await compileMany(SOURCES, 2)).filter((result) => !result.ok);
		expect(broken).toEqual({
			ok: false,
			problems: [
				expect.objectContaining({
					file: 'tests/fixtures/lessons/invalid/evidence-not-in-paragraph/lesson.yaml',
					line: 44,
					col: 15
				})
			]
		});
	}, 60_000);

	it('compiles a few lessons in this thread', async () => {
		const few = SOURCES.slice(0, MIN_LESSONS_FOR_THREADS - 1);
		expect(await compileMany(few, 2)).toEqual(few.map(compileToJson));
	});

	it('fails, rather than waits, when a thread throws', async () => {
		const bad = { ...SOURCES[0]!, yaml: undefined } as unknown as LessonSource;
		await expect(compileMany([...SOURCES, bad], 2)).rejects.toThrow();
	}, 60_000);
});
