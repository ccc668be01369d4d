/** Lesson folders read from disk and compiled together: what the build and the CLI share. */
import { isLessonFolder, lessonFolders, readFolder } from '../../src/lib/server/lesson-folders';
import {
	compileLesson,
	LessonError,
	type Lesson,
	type LessonProblem
} from '../../src/lib/lesson/index';
import { compileMany } from './pool';

export { isLessonFolder, lessonFolders, readFolder };

export interface CompiledFolders {
	/** Each valid lesson as JSON, in folder order. */
	lessons: string[];
	/** Every problem, folder by folder in order, each folder's as the compiler lists them. */
	problems: LessonProblem[];
	/** The valid lessons' notes, for an author to review (see `CompileResult`), in folder order. */
	notes: LessonProblem[];
}

/**
 * Compiles lesson folders, in parallel when there are many (see pool.ts).
 *
 * @param dirs the folders, in the order lessons and problems are to be listed
 * @param base the folder that problems name files relative to
 */
export async function compileFolders(
	dirs: readonly string[],
	base = process.cwd()
): Promise<CompiledFolders> {
	const read = dirs.map((dir) => readFolder(dir, base));
	const sources = read.flatMap((folder) => ('source' in folder ? [folder.source] : []));
	const compiled = await compileMany(sources);
	const lessons: string[] = [];
	const problems: LessonProblem[] = [];
	const notes: LessonProblem[] = [];
	let next = 0;
	for (const folder of read) {
		if (!('source' in folder)) {
			problems.push(...folder.problems);
			continue;
		}
		const result = compiled[next++]!;
		if (result.ok) {
			lessons.push(result.json);
			notes.push(...result.notes);
		} else problems.push(...result.problems);
	}
	return { lessons, problems, notes };
}

/**
 * The lessons in `root` as the source of a JavaScript module whose default export is the array
 * of compiled lessons: what the build puts in the server (see vite.ts). One string literal for
 * JSON.parse, which Rollup and V8 both read far faster than the same data as an object literal.
 *
 * @throws LessonError listing every problem, `path:line:col: message`, when any lesson is invalid
 */
export async function lessonsModule(root: string, base = process.cwd()): Promise<string> {
	const { lessons, problems } = await compileFolders(lessonFolders(root), base);
	if (problems.length > 0) throw new LessonError(problems);
	return `export default JSON.parse(${JSON.stringify(`[${lessons.join(',')}]`)});\n`;
}

/**
 * The lessons in `root` compiled in this thread, for the tests and the bench that need the real
 * lessons as the app has them.
 *
 * @throws LessonError listing every problem when any lesson is invalid
 */
export function compiledLessons(root = 'lessons'): Lesson[] {
	const lessons: Lesson[] = [];
	const problems: LessonProblem[] = [];
	for (const dir of lessonFolders(root)) {
		const folder = readFolder(dir);
		if (!('source' in folder)) {
			problems.push(...folder.problems);
			continue;
		}
		const result = compileLesson(folder.source);
		if (result.ok) lessons.push(result.lesson);
		else problems.push(...result.problems);
	}
	if (problems.length > 0) throw new LessonError(problems);
	return lessons;
}
