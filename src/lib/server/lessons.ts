/**
 * The lessons in `lessons/`, compiled once when the server (or the build) loads this module.
 * Vite bundles the files, so the built server needs no `lessons/` folder, and in dev an edited
 * lesson reloads this module. Any invalid lesson stops the build with the same lines that
 * `npm run lessons -- check` prints.
 */
import {
	compileLesson,
	LessonError,
	summarise,
	type Lesson,
	type LessonProblem
} from '$lib/lesson';

const yamlFiles = import.meta.glob('/lessons/*/lesson.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const articleFiles = import.meta.glob('/lessons/*/article.ar.txt', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

function compileAll(): Lesson[] {
	const dirs = new Set(
		[...Object.keys(yamlFiles), ...Object.keys(articleFiles)].map((path) => path.split('/')[2]!)
	);
	const lessons: Lesson[] = [];
	const problems: LessonProblem[] = [];
	for (const dir of [...dirs].sort()) {
		const yamlPath = `lessons/${dir}/lesson.yaml`;
		const articlePath = `lessons/${dir}/article.ar.txt`;
		const yaml = yamlFiles[`/${yamlPath}`];
		const article = articleFiles[`/${articlePath}`];
		if (yaml === undefined || article === undefined) {
			const file = yaml === undefined ? yamlPath : articlePath;
			problems.push({ file, line: 1, col: 1, message: 'file is missing' });
			continue;
		}
		const result = compileLesson({ dir, yamlPath, yaml, articlePath, article });
		if (result.ok) lessons.push(result.lesson);
		else problems.push(...result.problems);
	}
	if (problems.length > 0) throw new LessonError(problems);
	return lessons;
}

const lessons = compileAll();
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
