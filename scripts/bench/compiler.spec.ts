import { describe, expect, it } from 'vitest';
import { variants } from './compiler';
import { compileFiles, readLessonFiles } from './lessons';

describe('compiler bench lessons', () => {
	const files = readLessonFiles();

	it('makes as many lessons as asked, each with its own id, all valid', () => {
		const made = variants(files, 5);
		expect(made).toHaveLength(5);
		expect(new Set(made.map((lesson) => lesson.dir)).size).toBe(5);
		expect(new Set(made.map((lesson) => lesson.article)).size).toBe(5);
		const compiled = made.map(compileFiles);
		expect(compiled.map((lesson) => lesson.id)).toEqual(made.map((lesson) => lesson.dir));
	}, 60_000);
});
