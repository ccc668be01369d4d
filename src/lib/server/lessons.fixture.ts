/**
 * Stand-ins for `$lib/server/lessons` in service tests, so they do not depend on the real
 * lessons (which authors edit) and can grade against a lesson whose every answer is known: the
 * compiler's own `tests/fixtures/lessons/valid/tiny`, plus a copy of it under a second id.
 *
 * Use: `vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'))`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLesson, summarise, type Lesson } from '$lib/lesson';

function compileFixture(dir: string): Lesson {
	const root = path.resolve('tests/fixtures/lessons/valid', dir);
	const result = compileLesson({
		dir,
		yamlPath: path.join(root, 'lesson.yaml'),
		yaml: readFileSync(path.join(root, 'lesson.yaml'), 'utf8'),
		articlePath: path.join(root, 'article.ar.txt'),
		article: readFileSync(path.join(root, 'article.ar.txt'), 'utf8')
	});
	if (!result.ok) throw new Error(`Fixture lesson ${dir} does not compile`);
	return result.lesson;
}

/** The tiny lesson: questions vote-count (choice), who-spoke (multi), final (truefalse), … */
export const TINY = compileFixture('tiny');

/** The same lesson under another id and version, to assign to another class. */
export const TINY_TWO: Lesson = { ...TINY, id: 'tiny-two', version: `${TINY.version}-two` };

const lessons = [TINY, TINY_TWO];
const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));

/** Both fixture lessons, as `allLessons` in the real module. */
export function allLessons(): Lesson[] {
	return lessons;
}

/** Their summaries, as `lessonSummaries` in the real module. */
export function lessonSummaries() {
	return lessons.map(summarise);
}

/** A fixture lesson by id, as `getLesson` in the real module. */
export function getLesson(id: string): Lesson | undefined {
	return byId.get(id);
}
