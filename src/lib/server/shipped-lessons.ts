/**
 * The shipped lessons (`lessons/` beside the app) brought into the lesson store when the server
 * starts. A lesson whose two files hash as they did when stored is not compiled again; one whose
 * files `stat` sees as they were when last hashed (same size, change times and inode) is not even
 * read. So a start with 1,000 unchanged lessons stats 2,000 files (about 50 ms of CPU, where
 * reading and hashing them took 500 ms), and compiles nothing; the build touches no lesson at all.
 * Any invalid lesson stops the start with the same `path:line:col: message` lines as
 * `npm run lessons -- check`.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileLesson, LessonError, type Lesson } from '$lib/lesson';
import type { LessonProblem } from '$lib/lesson/problem';
import type { Db } from './db/database';
import { LESSON_FILE_NAMES, lessonFolders, readFolder } from './lesson-folders';
import { listing, retireVersions, sourceHash } from './lessons';

export interface ShippedSync {
	/** Lessons found in the folder. */
	total: number;
	/** Of those, how many were new or changed and were compiled. */
	compiled: number;
	/** Shipped lessons whose folder is gone: kept for their answers, no longer listed. */
	retired: number;
}

interface Changed {
	lesson: Lesson;
	hash: string;
	stamp: string | null;
	yaml: string;
	article: string;
}

/**
 * What `stat` says of a lesson folder's two files: size, modification and change times, inode.
 * Writing a file changes its ctime, which no copy or sync tool can set back, so an edit that keeps
 * the size and restores the mtime still shows. Null when either file is missing.
 */
export function fileStamp(dir: string): string | null {
	const parts: string[] = [];
	for (const name of LESSON_FILE_NAMES) {
		const stat = statSync(join(dir, name), { throwIfNoEntry: false, bigint: true });
		if (!stat) return null;
		parts.push(`${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`);
	}
	return parts.join('/');
}

/**
 * Brings the store in line with the lesson folders in `root`: new and changed lessons compiled and
 * stored (a new version for a changed one), lessons no longer there retired. Safe to run from
 * several instances at once: every write is an upsert of the same content.
 *
 * @param base the folder problems name files relative to
 * @throws LessonError listing every problem when any lesson is invalid, or takes the id of a lesson
 *   a teacher imported; nothing is written then
 */
export async function syncShippedLessons(
	db: Db,
	root: string,
	base = process.cwd(),
	now: Date = new Date()
): Promise<ShippedSync> {
	const stored = new Map(
		(
			await db
				.selectFrom('lessons')
				.select(['id', 'origin', 'source_hash', 'source_stat', 'retired'])
				.execute()
		).map((row) => [row.id, row])
	);
	const problems: LessonProblem[] = [];
	const changed: Changed[] = [];
	const present = new Set<string>();
	const revived: string[] = [];
	/** Unchanged lessons whose files were read and hashed: their stamp, for next time. */
	const stamped: { id: string; stamp: string }[] = [];
	for (const dir of lessonFolders(root)) {
		const stamp = fileStamp(dir);
		const known = stored.get(basename(dir));
		if (stamp !== null && known?.origin === 'shipped' && known.source_stat === stamp) {
			present.add(known.id);
			if (known.retired === 1) revived.push(known.id);
			continue;
		}
		const folder = readFolder(dir, base);
		if (!('source' in folder)) {
			problems.push(...folder.problems);
			continue;
		}
		const { source } = folder;
		present.add(source.dir);
		const hash = sourceHash(source.yaml, source.article);
		const row = stored.get(source.dir);
		if (row?.origin === 'shipped' && row.source_hash === hash) {
			if (row.retired === 1) revived.push(source.dir);
			if (stamp !== null) stamped.push({ id: source.dir, stamp });
			continue;
		}
		const result = compileLesson(source);
		if (!result.ok) {
			problems.push(...result.problems);
			continue;
		}
		if (row && row.origin !== 'shipped') {
			problems.push({
				file: source.yamlPath,
				line: 1,
				col: 1,
				message: `id "${source.dir}" is already a lesson a teacher imported; rename the folder and its id`
			});
			continue;
		}
		changed.push({
			lesson: result.lesson,
			hash,
			stamp,
			yaml: source.yaml,
			article: source.article
		});
	}
	if (problems.length > 0) throw new LessonError(problems);

	const gone = [...stored.values()]
		.filter((row) => row.origin === 'shipped' && row.retired === 0 && !present.has(row.id))
		.map((row) => row.id);
	if (changed.length === 0 && gone.length === 0 && revived.length === 0 && stamped.length === 0) {
		return { total: present.size, compiled: 0, retired: 0 };
	}
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		for (const { lesson, hash, stamp, yaml, article } of changed) {
			const columns = { ...listing(lesson, hash), source_stat: stamp, retired: 0, updated_at: at };
			await trx
				.insertInto('lessons')
				.values({
					id: lesson.id,
					origin: 'shipped',
					owner_id: null,
					shared: 0,
					...columns,
					created_at: at
				})
				.onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
				.execute();
			await trx
				.insertInto('lesson_versions')
				.values({
					lesson_id: lesson.id,
					version: lesson.version,
					article,
					yaml,
					compiled: JSON.stringify(lesson),
					created_at: at,
					replaced_at: null
				})
				.onConflict((conflict) =>
					conflict.columns(['lesson_id', 'version']).doUpdateSet({ article, yaml })
				)
				.execute();
			await retireVersions(trx, lesson.id, lesson.version, now);
		}
		// Not a change of the lesson: updated_at stays.
		for (const { id, stamp } of stamped) {
			await trx.updateTable('lessons').set({ source_stat: stamp }).where('id', '=', id).execute();
		}
		if (gone.length > 0) {
			await trx
				.updateTable('lessons')
				.set({ retired: 1, updated_at: at })
				.where('id', 'in', gone)
				.execute();
		}
		if (revived.length > 0) {
			await trx
				.updateTable('lessons')
				.set({ retired: 0, updated_at: at })
				.where('id', 'in', revived)
				.execute();
		}
	});
	return { total: present.size, compiled: changed.length, retired: gone.length };
}
