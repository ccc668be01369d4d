/**
 * Stand-ins for `$lib/server/lessons` in service tests, so they do not depend on the real
 * lessons (which authors edit) and can grade against a lesson whose every answer is known: the
 * compiler's own `tests/fixtures/lessons/valid/tiny`, plus a copy of it under a second id. The
 * database is ignored: these lessons are always there, as shipped lessons would be.
 *
 * Use: `vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'))`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLesson, type Lesson } from '$lib/lesson';
import type { Db } from './db/database';

/** The two files of a fixture lesson, as a teacher would import them. */
export function fixtureFiles(dir: string): { article: string; lesson: string } {
	const root = path.resolve('tests/fixtures/lessons/valid', dir);
	return {
		lesson: readFileSync(path.join(root, 'lesson.yaml'), 'utf8'),
		article: readFileSync(path.join(root, 'article.ar.txt'), 'utf8')
	};
}

function compileFixture(dir: string): Lesson {
	const files = fixtureFiles(dir);
	const result = compileLesson({
		dir,
		yamlPath: 'lesson.yaml',
		yaml: files.lesson,
		articlePath: 'article.ar.txt',
		article: files.article
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

/** A fixture lesson by id, as `getLesson` in the real module. */
export async function getLesson(_db: Db, id: string): Promise<Lesson | undefined> {
	return byId.get(id);
}

/** A fixture lesson at a version, as `getLessonVersion` in the real module. */
export async function getLessonVersion(
	_db: Db,
	id: string,
	version: string
): Promise<Lesson | undefined> {
	const lesson = byId.get(id);
	return lesson?.version === version ? lesson : undefined;
}

/** Fixture lessons by id, as `getLessons` in the real module. */
export async function getLessons(_db: Db, ids: readonly string[]): Promise<Map<string, Lesson>> {
	return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
}

/** A look-up of fixture lessons, as `lessonLookup` in the real module (every version is current). */
export async function lessonLookup(): Promise<(id: string) => Lesson | undefined> {
	return (id) => byId.get(id);
}

/** Fixture titles, as `lessonTitles` in the real module. */
export async function lessonTitles(
	_db: Db,
	ids: readonly string[]
): Promise<Map<string, { ar: string; en: string }>> {
	return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!.title] as const] : [])));
}

/** The ids that are not fixture lessons, as `unusableLessons` in the real module. */
export async function unusableLessons(
	_db: Db,
	_teacherId: string,
	ids: readonly string[]
): Promise<string[]> {
	return ids.filter((id) => !byId.has(id));
}
