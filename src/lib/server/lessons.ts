/**
 * The lessons in `lessons/`, compiled by the build (`virtual:lessons`, scripts/compile/vite.ts):
 * the built server carries them compiled and needs no `lessons/` folder, and in dev an edited
 * lesson reloads this module. Any invalid lesson stops the build with the same lines that
 * `npm run lessons -- check` prints.
 */
import lessons from 'virtual:lessons';
// From types, not the package index: the server needs no compiler, YAML parser or schema.
import { summarise, type Lesson } from '$lib/lesson/types';

const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));

export function allLessons(): Lesson[] {
	return lessons;
}

export function lessonSummaries() {
	return lessons.map(summarise);
}

export function getLesson(id: string): Lesson | undefined {
	return byId.get(id);
}
