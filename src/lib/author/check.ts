/**
 * Live checking in the editor: the lesson's two files through the very compiler `lessons check`
 * and publishing use, loaded on first use (so only the authoring pages ever fetch it), with each
 * problem traced to the field it is about where it has one.
 */
import { problemPath, type DraftFiles } from '$lib/lesson/draft';
import { formatProblem, type LessonProblem } from '$lib/lesson/problem';

/** The names problems give the files, as an import's do. */
export const FILE_NAMES = { lesson: 'lesson.yaml', article: 'article.ar.txt' } as const;

/** A problem as the editor shows it: its `lessons check` line and its field, if any. */
export interface CheckedProblem {
	line: string;
	message: string;
	/** The field's path joined with dots (`paragraphs.2.en`), or undefined. */
	field?: string;
}

/** Traces each problem in `lesson.yaml` to its field. */
export function locate(files: DraftFiles, problems: LessonProblem[]): CheckedProblem[] {
	return problems.map((problem) => ({
		line: formatProblem(problem),
		message: problem.message,
		field:
			problem.file === FILE_NAMES.lesson
				? problemPath(files.lesson, problem.line, problem.col)?.join('.')
				: undefined
	}));
}

/** Compiles the files as an import would; the problems, none when the lesson would publish. */
export async function checkFiles(files: DraftFiles): Promise<CheckedProblem[]> {
	const { compileLesson } = await import('$lib/lesson/compile');
	const result = compileLesson({
		yamlPath: FILE_NAMES.lesson,
		yaml: files.lesson,
		articlePath: FILE_NAMES.article,
		article: files.article
	});
	return result.ok ? [] : locate(files, result.problems);
}
