/**
 * Lesson folders on disk (`lessons/<id>/{lesson.yaml, article.ar.txt}`): which folders are
 * lessons, and one folder's two files. Shared by the server (the shipped lessons, read at start)
 * and the `lessons` CLI (scripts/compile/folders.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { LessonProblem } from '$lib/lesson/problem';
import type { LessonSource } from '$lib/lesson/compile';

/** The two files of a lesson folder, the YAML first. */
export const LESSON_FILE_NAMES = ['lesson.yaml', 'article.ar.txt'] as const;

/** Whether `dir` is a lesson folder: it holds either file of a lesson. */
export function isLessonFolder(dir: string): boolean {
	return LESSON_FILE_NAMES.some((file) => existsSync(join(dir, file)));
}

/** The lesson folders in `root`, sorted by name. */
export function lessonFolders(root: string): string[] {
	if (!existsSync(root)) return [];
	return readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
		.map((name) => join(root, name))
		.filter(isLessonFolder);
}

/**
 * One lesson folder's two files, named relative to `base` as problems name them, or a
 * "file is missing" problem for each that is not there.
 */
export function readFolder(
	dir: string,
	base = process.cwd()
): { source: LessonSource & { dir: string } } | { problems: LessonProblem[] } {
	const files = LESSON_FILE_NAMES.map((name) => join(dir, name));
	const missing = files
		.filter((file) => !existsSync(file))
		.map((file) => ({ file: relative(base, file), line: 1, col: 1, message: 'file is missing' }));
	if (missing.length > 0) return { problems: missing };
	const [yaml, article] = files as [string, string];
	return {
		source: {
			dir: basename(dir),
			yamlPath: relative(base, yaml),
			yaml: readFileSync(yaml, 'utf8'),
			articlePath: relative(base, article),
			article: readFileSync(article, 'utf8')
		}
	};
}
