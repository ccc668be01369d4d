/**
 * A lesson uploaded through the teacher area's form: its two files, or a .zip of its folder (as
 * `lessons export` or a file manager makes it). Turns either into the files and names the lesson
 * store imports, refusing what cannot be a lesson with a problem in the same `path:line:col`
 * form as the compiler's. The zip is read with fflate, entry sizes checked before inflating.
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES } from '$lib/lesson';
import type { LessonProblem } from '$lib/lesson/problem';
import { LESSON_FILE_NAMES } from './lesson-folders';
import { InvalidLessonError } from './errors';
import type { LessonFiles } from './lessons';

/** The largest .zip accepted: a lesson folder is two text files under 256 KB. */
export const MAX_ZIP_BYTES = 2 * MAX_FILE_BYTES;

/** What an upload gives the store: the files, the folder they came in, and their names. */
export interface Upload {
	files: LessonFiles;
	dir?: string;
	paths: { lesson: string; article: string };
}

const refuse = (file: string, message: string): never => {
	const problem: LessonProblem = { file, line: 1, col: 1, message };
	throw new InvalidLessonError([problem]);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(file: string, bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return refuse(file, 'file is not UTF-8 text');
	}
}

/**
 * The lesson in a .zip: `lesson.yaml` and `article.ar.txt` at its top or in one folder (whose name
 * must then be the lesson's id, as in `lessons/`). Other entries are ignored.
 *
 * @throws InvalidLessonError when it is not a zip, holds no lesson, or a file is too large
 */
export function readZip(name: string, bytes: Uint8Array): Upload {
	if (bytes.byteLength > MAX_ZIP_BYTES) {
		refuse(name, `file is ${bytes.byteLength} bytes; the limit is ${MAX_ZIP_BYTES}`);
	}
	const wanted = (path: string) => {
		const parts = path.split('/');
		return (
			(parts.length === 1 || parts.length === 2) &&
			(LESSON_FILE_NAMES as readonly string[]).includes(parts.at(-1)!)
		);
	};
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes, {
			filter: (entry) => {
				if (!wanted(entry.name)) return false;
				// Checked before inflating: a zip bomb is refused without being expanded.
				if (entry.originalSize > MAX_FILE_BYTES) {
					refuse(
						`${name}/${entry.name}`,
						`file is ${entry.originalSize} bytes; the limit is ${MAX_FILE_BYTES}`
					);
				}
				return true;
			}
		});
	} catch (error) {
		if (error instanceof InvalidLessonError) throw error;
		return refuse(name, 'not a .zip file that can be read');
	}
	const paths = Object.keys(entries).sort();
	const folders = [
		...new Set(paths.map((path) => (path.includes('/') ? path.split('/')[0]! : '')))
	];
	if (folders.length !== 1) {
		return refuse(name, 'expected lesson.yaml and article.ar.txt, in one folder or at the top');
	}
	const dir = folders[0] || undefined;
	const prefix = dir ? `${dir}/` : '';
	const lessonPath = `${prefix}lesson.yaml`;
	const articlePath = `${prefix}article.ar.txt`;
	const lesson = entries[lessonPath];
	const article = entries[articlePath];
	if (!lesson) refuse(lessonPath, 'file is missing');
	if (!article) refuse(articlePath, 'file is missing');
	return {
		files: { lesson: text(lessonPath, lesson!), article: text(articlePath, article!) },
		dir,
		paths: { lesson: lessonPath, article: articlePath }
	};
}

/**
 * The lesson in a submitted form: a `zip`, or the two files `lesson` and `article`.
 *
 * @throws InvalidLessonError naming what is missing or unreadable
 */
export async function readUpload(data: FormData): Promise<Upload> {
	const file = (key: string) => {
		const value = data.get(key);
		return value instanceof File && value.size > 0 ? value : null;
	};
	const zip = file('zip');
	if (zip) return readZip(zip.name || 'lesson.zip', new Uint8Array(await zip.arrayBuffer()));
	const lesson = file('lesson');
	const article = file('article');
	if (!lesson) refuse('lesson.yaml', 'file is missing');
	if (!article) refuse('article.ar.txt', 'file is missing');
	for (const [path, upload] of [
		['lesson.yaml', lesson!],
		['article.ar.txt', article!]
	] as const) {
		if (upload.size > MAX_FILE_BYTES) {
			refuse(path, `file is ${upload.size} bytes; the limit is ${MAX_FILE_BYTES}`);
		}
	}
	return {
		files: {
			lesson: text('lesson.yaml', new Uint8Array(await lesson!.arrayBuffer())),
			article: text('article.ar.txt', new Uint8Array(await article!.arrayBuffer()))
		},
		paths: { lesson: 'lesson.yaml', article: 'article.ar.txt' }
	};
}
