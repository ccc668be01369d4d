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

// Twelve lessons, two of them invalid, one in the middle of a batch and one last.
const SOURCES = Array.from({ length: 12 }, (_, i) => {
	if (i === 5) return source('invalid', 'evidence-not-in-paragraph', `broken-${i}`);
	if (i === 11) return source('invalid', 'yaml-syntax');
	return source('valid', 'tiny', `tiny-${i}`);
});

describe('compileMany', () => {
	it('compiles on threads what one thread would, in the order given', async () => {
		expect(SOURCES.length).toBeGreaterThanOrEqual(MIN_LESSONS_FOR_THREADS);
		const threaded = await compileMany(SOURCES, 2);
		expect(threaded).toEqual(SOURCES.map(compileToJson));
		expect(threaded.map((result) => result.ok)).toEqual(SOURCES.map((_, i) => i !== 5 && i !== 11));
		const ids = threaded.flatMap((result) => (result.ok ? [JSON.parse(result.json).id] : []));
		expect(ids).toEqual(SOURCES.filter((_, i) => i !== 5 && i !== 11).map((s) => s.dir));
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
