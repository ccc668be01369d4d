/**
 * The lesson store: every lesson the server has, shipped (`lessons/`, see shipped-lessons.ts) or
 * imported by a teacher, kept in the database so several instances share it (design §2.1, §3).
 * What is stored is the two source files byte for byte plus the compiled lesson, per version (the
 * content hash); a version stays while answers were given against it. Lessons compile when they
 * enter the store, never on a student's request.
 *
 * Who sees what: shipped lessons are the library's and read-only; an imported lesson belongs to
 * the teacher who imported it (their classes can have it), and every teacher may assign it once
 * its owner shares it. Its page opens for anyone with its link, as a shipped lesson's does: a
 * student's device holds no session, and the id is all the page needs.
 */
import { createHash } from 'node:crypto';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { compileLesson, summarise, type Lesson, type LessonSummary } from '$lib/lesson';
import type { Readability } from '$lib/text/readability';
import { normalise } from '$lib/text';
import type { Database, Db, LessonsTable } from './db/database';
import { InvalidLessonError, NotFoundError, RefusedError, ValidationError } from './errors';

export { InvalidLessonError };

/** The names the two files of an imported lesson are given in problems. */
export const IMPORT_PATHS = { lesson: 'lesson.yaml', article: 'article.ar.txt' } as const;

/** How many lessons a library page lists. */
export const PAGE_SIZE = 20;

/** The two files of a lesson, as text. */
export interface LessonFiles {
	article: string;
	lesson: string;
}

/** What a library card and the assign page show: the summary plus the figures teachers use. */
export interface StoredSummary extends LessonSummary {
	readability: Readability;
	paragraphCount: number;
}

/** A lesson as a teacher's lists show it. */
export interface TeacherLesson extends StoredSummary {
	origin: 'shipped' | 'imported';
	/** The teacher asking imported it. */
	mine: boolean;
	shared: boolean;
	updatedAt: string;
}

/** One page of the library. */
export interface LibraryPage {
	lessons: StoredSummary[];
	total: number;
	/** 1-based. */
	page: number;
	pageCount: number;
}

export interface LibraryQuery {
	/** Words of a title, in either language. */
	query?: string;
	level?: string;
	genre?: string;
	page?: number;
}

/** SHA-256 of a lesson's two files: what tells a shipped lesson has changed since it was stored. */
export function sourceHash(yaml: string, article: string): string {
	return createHash('sha256')
		.update(`${yaml.length}:`)
		.update(yaml)
		.update('\0')
		.update(article)
		.digest('hex');
}

/** Both titles folded as search compares them (Arabic normalised, lower case). */
function searchText(lesson: Lesson): string {
	return `${normalise(lesson.title.ar)} | ${normalise(lesson.title.en)}`;
}

/** The `lessons` columns that come from a version's content. */
export function listing(lesson: Lesson, hash: string) {
	const summary: StoredSummary = {
		...summarise(lesson),
		readability: lesson.readability,
		paragraphCount: lesson.paragraphs.length
	};
	return {
		version: lesson.version,
		source_hash: hash,
		search: searchText(lesson),
		sort_title: normalise(lesson.title.ar),
		level: lesson.level ?? null,
		genre: lesson.source.genre,
		summary: JSON.stringify(summary)
	} satisfies Partial<LessonsTable>;
}

// Compiled lessons parsed from the database, by id and version. A version never changes, so an
// entry is never stale; the cache only saves reading and parsing ~100 KB of JSON per lesson page.
const CACHE_LIMIT = 64;
const parsed = new Map<string, Lesson>();

function remember(key: string, lesson: Lesson): Lesson {
	if (parsed.size >= CACHE_LIMIT) parsed.delete(parsed.keys().next().value as string);
	parsed.set(key, lesson);
	return lesson;
}

async function loadVersion(
	db: Db,
	id: string,
	version: string,
	known: boolean
): Promise<Lesson | undefined> {
	const key = `${id}@${version}`;
	const cached = parsed.get(key);
	// A cached version may since have been dropped (unanswered, replaced): unless the caller just
	// read it as current, ask whether it is still there, which is cheap next to the JSON.
	if (cached && (known || (await hasVersion(db, id, version)))) return cached;
	if (cached) return undefined;
	const row = await db
		.selectFrom('lesson_versions')
		.select('compiled')
		.where('lesson_id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return row ? remember(key, JSON.parse(row.compiled) as Lesson) : undefined;
}

async function hasVersion(db: Db, id: string, version: string): Promise<boolean> {
	const row = await db
		.selectFrom('lesson_versions')
		.select('version')
		.where('lesson_id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return row !== undefined;
}

/** One version of a lesson, or undefined when the store does not have (or no longer keeps) it. */
export function getLessonVersion(db: Db, id: string, version: string): Promise<Lesson | undefined> {
	return loadVersion(db, id, version, false);
}

/** The current version of a lesson, or undefined when there is no lesson `id`. */
export async function getLesson(db: Db, id: string): Promise<Lesson | undefined> {
	const row = await db
		.selectFrom('lessons')
		.select('version')
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? loadVersion(db, id, row.version, true) : undefined;
}

/** The current versions of several lessons, by id; unknown ids are left out. */
export async function getLessons(db: Db, ids: readonly string[]): Promise<Map<string, Lesson>> {
	const found = new Map<string, Lesson>();
	const unique = [...new Set(ids)];
	if (unique.length === 0) return found;
	const rows = await db
		.selectFrom('lessons')
		.select(['id', 'version'])
		.where('id', 'in', unique)
		.execute();
	for (const row of rows) {
		const lesson = await loadVersion(db, row.id, row.version, true);
		if (lesson) found.set(row.id, lesson);
	}
	return found;
}

/**
 * A look-up of lessons for results: by id the current version, or by id and version the one an
 * answer was given against (the current one when that version is no longer kept).
 *
 * @param versions the (lesson, version) pairs of the answers to describe
 */
export async function lessonLookup(
	db: Db,
	ids: readonly string[],
	versions: readonly { lesson_id: string; lesson_version: string }[] = []
): Promise<(id: string, version?: string) => Lesson | undefined> {
	const current = await getLessons(db, [...ids, ...versions.map((row) => row.lesson_id)]);
	const at = new Map<string, Lesson>();
	for (const key of new Set(versions.map((row) => `${row.lesson_id}@${row.lesson_version}`))) {
		const [id = '', version = ''] = key.split('@');
		const lesson =
			current.get(id)?.version === version
				? current.get(id)
				: await getLessonVersion(db, id, version);
		if (lesson) at.set(key, lesson);
	}
	return (id, version) => (version !== undefined && at.get(`${id}@${version}`)) || current.get(id);
}

/** The titles of several lessons, by id, from their short summaries; unknown ids are left out. */
export async function lessonTitles(
	db: Db,
	ids: readonly string[]
): Promise<Map<string, { ar: string; en: string }>> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map();
	const rows = await db
		.selectFrom('lessons')
		.select(['id', 'summary'])
		.where('id', 'in', unique)
		.execute();
	return new Map(rows.map((row) => [row.id, (JSON.parse(row.summary) as StoredSummary).title]));
}

/** What the public library lists: shipped lessons still in `lessons/`, and shared ones. */
function listed(eb: ExpressionBuilder<Database, 'lessons'>) {
	return eb.and([
		eb('retired', '=', 0),
		eb.or([eb('origin', '=', 'shipped'), eb('shared', '=', 1)])
	]);
}

/** What `teacherId` may assign: the library, and their own imports. */
function usableBy(teacherId: string) {
	return (eb: ExpressionBuilder<Database, 'lessons'>) =>
		eb.or([listed(eb), eb('owner_id', '=', teacherId)]);
}

/** `%words%` for LIKE, with LIKE's own wildcards taken literally. */
function likePattern(query: string): string {
	return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Where a page of a list starts and how many pages it has, from its length. */
function paging(total: number, asked: number | undefined) {
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(asked ?? 1)), pageCount);
	return { page, pageCount, offset: (page - 1) * PAGE_SIZE };
}

/** `query`'s search and filters applied to a list of lessons. */
function searched<T extends SelectQueryBuilder<Database, 'lessons', object>>(
	base: T,
	query: LibraryQuery
): T {
	const words = normalise(query.query ?? '');
	let found = base;
	if (words !== '') {
		found = found.where(sql<boolean>`search like ${likePattern(words)} escape '\\'`) as T;
	}
	if (query.level) found = found.where('level', '=', query.level) as T;
	if (query.genre) found = found.where('genre', '=', query.genre) as T;
	return found;
}

/**
 * One page of the library, searched by title in both languages and filtered by level and genre,
 * in title order. Reads only the short summaries, so a page costs the same with 1,000 lessons.
 */
export async function findLessons(db: Db, query: LibraryQuery = {}): Promise<LibraryPage> {
	const base = searched(db.selectFrom('lessons').where(listed), query);
	const { total } = await base
		.select(db.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const { page, pageCount, offset } = paging(Number(total), query.page);
	const rows = await base
		.select('summary')
		.orderBy('sort_title')
		.orderBy('id')
		.limit(PAGE_SIZE)
		.offset(offset)
		.execute();
	return {
		lessons: rows.map((row) => JSON.parse(row.summary) as StoredSummary),
		total: Number(total),
		page,
		pageCount
	};
}

function teacherLesson(
	teacherId: string,
	row: Pick<LessonsTable, 'summary' | 'origin' | 'owner_id' | 'shared' | 'updated_at'>
): TeacherLesson {
	return {
		...(JSON.parse(row.summary) as StoredSummary),
		origin: row.origin,
		mine: row.owner_id === teacherId,
		shared: row.shared === 1,
		updatedAt: row.updated_at
	};
}

/** One page of the lessons a teacher may assign. */
export interface TeacherPage extends Omit<LibraryPage, 'lessons'> {
	lessons: TeacherLesson[];
}

/**
 * One page of the lessons `teacherId` may assign (the library, and their own imports), searched
 * and filtered as the library is, in title order.
 */
export async function lessonsForTeacher(
	db: Db,
	teacherId: string,
	query: LibraryQuery = {}
): Promise<TeacherPage> {
	const base = searched(db.selectFrom('lessons').where(usableBy(teacherId)), query);
	const { total } = await base
		.select(db.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const { page, pageCount, offset } = paging(Number(total), query.page);
	const rows = await base
		.select(['summary', 'origin', 'owner_id', 'shared', 'updated_at'])
		.orderBy('sort_title')
		.orderBy('id')
		.limit(PAGE_SIZE)
		.offset(offset)
		.execute();
	return {
		lessons: rows.map((row) => teacherLesson(teacherId, row)),
		total: Number(total),
		page,
		pageCount
	};
}

/** The lessons `teacherId` imported, newest change first. */
export async function importedBy(db: Db, teacherId: string): Promise<TeacherLesson[]> {
	const rows = await db
		.selectFrom('lessons')
		.select(['summary', 'origin', 'owner_id', 'shared', 'updated_at'])
		.where('owner_id', '=', teacherId)
		.orderBy('updated_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map((row) => teacherLesson(teacherId, row));
}

/** Which of `ids` `teacherId` may not assign (unknown ones included). */
export async function unusableLessons(
	db: Db,
	teacherId: string,
	ids: readonly string[]
): Promise<string[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('lessons')
		.select('id')
		.where('id', 'in', [...new Set(ids)])
		.where(usableBy(teacherId))
		.execute();
	const usable = new Set(rows.map((row) => row.id));
	return ids.filter((id) => !usable.has(id));
}

/**
 * The two files of a lesson's current version, exactly as stored, for a teacher who may use it.
 *
 * @throws NotFoundError when there is no such lesson, or it is another teacher's and not shared
 */
export async function lessonFiles(db: Db, teacherId: string, id: string): Promise<LessonFiles> {
	const row = await db
		.selectFrom('lessons')
		.innerJoin('lesson_versions', (join) =>
			join
				.onRef('lesson_versions.lesson_id', '=', 'lessons.id')
				.onRef('lesson_versions.version', '=', 'lessons.version')
		)
		.select(['lesson_versions.article', 'lesson_versions.yaml'])
		.where('lessons.id', '=', id)
		.where((eb) =>
			eb.or([
				eb('lessons.origin', '=', 'shipped'),
				eb('lessons.shared', '=', 1),
				eb('lessons.owner_id', '=', teacherId)
			])
		)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('unknown-lesson', 'No such lesson.');
	return { article: row.article, lesson: row.yaml };
}

/** The files of an import request's body, or a ValidationError. */
function filesOf(body: unknown): LessonFiles {
	const { article, lesson } = (typeof body === 'object' && body !== null ? body : {}) as Record<
		string,
		unknown
	>;
	if (typeof article !== 'string' || typeof lesson !== 'string') {
		throw new ValidationError(
			'invalid-body',
			'Expected { "article": "…", "lesson": "…" }: the two files as text.'
		);
	}
	return { article, lesson };
}

/**
 * Compiles a lesson's two files as `lessons check` would.
 *
 * @param dir the folder they came in (a .zip's), whose name must then be the lesson's id
 * @param paths the names problems give the files
 * @throws InvalidLessonError with every problem
 */
export function compileFiles(
	files: LessonFiles,
	dir?: string,
	paths: { lesson: string; article: string } = IMPORT_PATHS
): Lesson {
	const result = compileLesson({
		dir,
		yamlPath: paths.lesson,
		yaml: files.lesson,
		articlePath: paths.article,
		article: files.article
	});
	if (!result.ok) throw new InvalidLessonError(result.problems);
	return result.lesson;
}

const taken = (id: string) =>
	new RefusedError(
		'lesson-taken',
		`The id "${id}" belongs to another lesson on this server. Give your lesson another id.`
	);

/**
 * How long a replaced version nobody answered is kept: a phone that stored it may be offline for
 * a while before its answers arrive, and they are graded against the version it showed.
 */
export const KEEP_REPLACED_DAYS = 60;

/**
 * Makes `current` the lesson's current version: the others are marked replaced (from now, if they
 * were not already), and those replaced more than KEEP_REPLACED_DAYS ago with no answer are
 * dropped. A teacher fixing a typo five times does not keep five versions for ever.
 */
export async function retireVersions(
	db: Db,
	id: string,
	current: string,
	now: Date = new Date()
): Promise<void> {
	await db
		.updateTable('lesson_versions')
		.set({ replaced_at: null })
		.where('lesson_id', '=', id)
		.where('version', '=', current)
		.execute();
	await db
		.updateTable('lesson_versions')
		.set({ replaced_at: now.toISOString() })
		.where('lesson_id', '=', id)
		.where('version', '!=', current)
		.where('replaced_at', 'is', null)
		.execute();
	const cutoff = new Date(now.getTime() - KEEP_REPLACED_DAYS * 86_400_000).toISOString();
	await db
		.deleteFrom('lesson_versions')
		.where('lesson_id', '=', id)
		.where('version', '!=', current)
		.where('replaced_at', '<', cutoff)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('attempts')
						.select('attempts.id')
						.where('attempts.lesson_id', '=', id)
						.whereRef('attempts.lesson_version', '=', 'lesson_versions.version')
				)
			)
		)
		.execute();
}

/**
 * Imports a lesson for `teacherId` from its two files: compiled and checked first, then stored in
 * one transaction, so a lesson is either stored whole or not at all. Importing a lesson of one's
 * own again with changes makes a new version; the same files again change nothing.
 *
 * @param body `{ article, lesson }`: `article.ar.txt` and `lesson.yaml` as text
 * @param options.dir the folder the files came in, if any (its name must be the id);
 *   `paths` the names problems give the files (default `lesson.yaml`, `article.ar.txt`)
 * @returns the id and the (new or unchanged) version; `created` is true when a new lesson or a new
 *   version was stored, false when these very files were there already
 * @throws ValidationError `invalid-body`; InvalidLessonError (422) with every problem;
 *   RefusedError `lesson-taken` when the id is a shipped lesson or another teacher's
 */
export async function importLesson(
	db: Db,
	teacherId: string,
	body: unknown,
	options: { dir?: string; paths?: { lesson: string; article: string }; now?: Date } = {}
): Promise<{ id: string; version: string; created: boolean }> {
	const files = filesOf(body);
	const hash = sourceHash(files.lesson, files.article);
	// The very files this teacher imported last time: nothing to compile or store.
	const same = await db
		.selectFrom('lessons')
		.select(['id', 'version'])
		.where('source_hash', '=', hash)
		.where('origin', '=', 'imported')
		.where('owner_id', '=', teacherId)
		.executeTakeFirst();
	if (same) return { id: same.id, version: same.version, created: false };
	const lesson = compileFiles(files, options.dir, options.paths);
	const now = options.now ?? new Date();
	const at = now.toISOString();
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('lessons')
			.select(['origin', 'owner_id', 'version', 'source_hash'])
			.where('id', '=', lesson.id)
			.executeTakeFirst();
		if (existing && (existing.origin !== 'imported' || existing.owner_id !== teacherId)) {
			throw taken(lesson.id);
		}
		if (existing && existing.source_hash === hash) {
			return { id: lesson.id, version: existing.version, created: false };
		}
		if (existing) {
			await trx
				.updateTable('lessons')
				.set({ ...listing(lesson, hash), updated_at: at })
				.where('id', '=', lesson.id)
				.execute();
		} else {
			const inserted = await trx
				.insertInto('lessons')
				.values({
					id: lesson.id,
					origin: 'imported',
					owner_id: teacherId,
					shared: 0,
					retired: 0,
					...listing(lesson, hash),
					created_at: at,
					updated_at: at
				})
				.onConflict((conflict) => conflict.column('id').doNothing())
				.executeTakeFirst();
			// Another import of this id committed between our look-up and our insert.
			if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw taken(lesson.id);
		}
		// A version can come back (an edit undone) while its old row is kept for its answers;
		// the content is the same, since the version is its hash.
		await trx
			.insertInto('lesson_versions')
			.values({
				lesson_id: lesson.id,
				version: lesson.version,
				article: files.article,
				yaml: files.lesson,
				compiled: JSON.stringify(lesson),
				created_at: at,
				replaced_at: null
			})
			.onConflict((conflict) =>
				conflict
					.columns(['lesson_id', 'version'])
					.doUpdateSet({ article: files.article, yaml: files.lesson })
			)
			.execute();
		if (existing) await retireVersions(trx, lesson.id, lesson.version, now);
		return { id: lesson.id, version: lesson.version, created: true };
	});
}

/**
 * Shares an imported lesson with every teacher on the server, or withdraws it (back to its owner's
 * classes alone; assignments already made stay).
 *
 * @throws NotFoundError when `teacherId` did not import lesson `id`
 */
export async function setShared(
	db: Db,
	teacherId: string,
	id: unknown,
	shared: boolean,
	now: Date = new Date()
): Promise<void> {
	const result = await db
		.updateTable('lessons')
		.set({ shared: shared ? 1 : 0, updated_at: now.toISOString() })
		.where('id', '=', typeof id === 'string' ? id : '')
		.where('owner_id', '=', teacherId)
		.where('origin', '=', 'imported')
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) {
		throw new NotFoundError('unknown-lesson', 'You have no imported lesson with this id.');
	}
}
