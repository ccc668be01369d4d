/**
 * The `lessons` command: a thin file-system wrapper over the pure compiler in src/lib/lesson.
 *
 *   npm run lessons -- check [--near] [paths…]   validate; one `path:line:col: message` per
 *                                            problem; with --near, also one `path:line:col: note: …`
 *                                            per passage word a glossary entry is linked to only by
 *                                            a one-letter match (notes never change the exit code)
 *   npm run lessons -- new <article.txt> [--id <id>]   scaffold lessons/<id>/
 *   npm run --silent lessons -- export       print the compiled lessons as a JSON array
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatProblem, idFromFileName, scaffoldLesson } from '../src/lib/lesson/index';
import { ID_PATTERN } from '../src/lib/lesson/constants';
import { compileFolders, isLessonFolder, lessonFolders } from './compile/folders';

const LESSONS_DIR = 'lessons';
const USAGE = `usage:
  npm run lessons -- check [--near] [paths…]
  npm run lessons -- new <article.txt> [--id <id>]
  npm run --silent lessons -- export`;

/** Lesson folders named by the paths: a lesson folder, a file in one, or a folder of lessons. */
export function lessonDirs(paths: string[]): string[] {
	const dirs = new Set<string>();
	for (const path of paths.length > 0 ? paths : [LESSONS_DIR]) {
		if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
		const dir = statSync(path).isDirectory() ? path : dirname(path);
		if (isLessonFolder(dir)) dirs.add(resolve(dir));
		else for (const folder of lessonFolders(dir)) dirs.add(resolve(folder));
	}
	return [...dirs].sort();
}

async function check(args: string[]): Promise<number> {
	const near = args.includes('--near');
	const paths = args.filter((arg) => arg !== '--near');
	const { lessons, problems, notes } = await compileFolders(lessonDirs(paths));
	for (const problem of problems) process.stdout.write(formatProblem(problem) + '\n');
	if (near) for (const note of notes) process.stdout.write(formatProblem(note) + '\n');
	if (problems.length > 0) {
		process.stderr.write(`${problems.length} problem(s); ${lessons.length} lesson(s) valid\n`);
		return 1;
	}
	process.stderr.write(`${lessons.length} lesson(s) valid\n`);
	return 0;
}

async function exportLessons(): Promise<number> {
	const { lessons, problems } = await compileFolders(lessonDirs([]));
	if (problems.length > 0) {
		for (const problem of problems) process.stderr.write(formatProblem(problem) + '\n');
		return 1;
	}
	const parsed: unknown[] = lessons.map((json) => JSON.parse(json));
	process.stdout.write(JSON.stringify(parsed, null, 2) + '\n');
	return 0;
}

function scaffold(args: string[]): number {
	const idFlag = args.indexOf('--id');
	const id = idFlag >= 0 ? args[idFlag + 1] : undefined;
	const file = args.find((arg, i) => !arg.startsWith('--') && (idFlag < 0 || i !== idFlag + 1));
	if (!file || (idFlag >= 0 && !id)) {
		process.stderr.write(USAGE + '\n');
		return 2;
	}
	if (!existsSync(file)) {
		process.stderr.write(`${file}: no such file\n`);
		return 1;
	}
	const lessonId = id ?? idFromFileName(basename(file));
	if (!ID_PATTERN.test(lessonId)) {
		process.stderr.write(`--id ${lessonId}: use lowercase letters, digits and single hyphens\n`);
		return 1;
	}
	const dir = join(LESSONS_DIR, lessonId);
	if (existsSync(dir)) {
		process.stderr.write(`${dir} already exists; choose another --id\n`);
		return 1;
	}
	const result = scaffoldLesson(lessonId, readFileSync(file, 'utf8'));
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'article.ar.txt'), result.article);
	writeFileSync(join(dir, 'lesson.yaml'), result.yaml);
	const { front } = result;
	process.stdout.write(
		`created ${dir}/ with ${front.body.length} paragraphs\n` +
			(front.headline ? `  headline: ${front.headline}\n` : '') +
			(front.dateLine ? `  date: ${front.dateLine}${front.date ? ` (${front.date})` : ''}\n` : '') +
			front.banner.map((line) => `  left out (banner): ${line}\n`).join('') +
			`next: translate each paragraph in ${dir}/lesson.yaml, then npm run lessons -- check ${dir}\n`
	);
	return 0;
}

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	try {
		if (command === 'check') return await check(args);
		if (command === 'export') return await exportLessons();
		if (command === 'new') return scaffold(args);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		return 1;
	}
	process.stderr.write(USAGE + '\n');
	return 2;
}

process.exitCode = await main(process.argv.slice(2));
