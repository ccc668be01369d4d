/** The files of the lessons in `lessons/`, which the compiler bench copies into many lessons. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileLesson, formatProblem, type Lesson } from '../../src/lib/lesson';

export interface LessonFiles {
	dir: string;
	yaml: string;
	article: string;
}

/** Every lesson folder's files, in folder order. */
export function readLessonFiles(root = 'lessons'): LessonFiles[] {
	return readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
		.map((dir) => ({
			dir,
			yaml: readFileSync(join(root, dir, 'lesson.yaml'), 'utf8'),
			article: readFileSync(join(root, dir, 'article.ar.txt'), 'utf8')
		}));
}

/** Compiles one lesson's files; throws with the compiler's own messages when it is invalid. */
export function compileFiles(files: LessonFiles): Lesson {
	const result = compileLesson({
		dir: files.dir,
		yamlPath: `lessons/${files.dir}/lesson.yaml`,
		yaml: files.yaml,
		articlePath: `lessons/${files.dir}/article.ar.txt`,
		article: files.article
	});
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result.lesson;
}
