/**
 * Lesson drafts: what a teacher writes in the browser's editor, kept on the server as the lesson's
 * two files so a draft is a lesson's source at every moment. Each save names the revision it was
 * based on; a save based on an older one is refused with the current draft (409), so two tabs on
 * one draft never silently overwrite each other. Publishing compiles the files with the same
 * compiler as every import and stores them through the lesson store as a new lesson or a new
 * version of the teacher's own; a draft with problems cannot be published. A draft can be
 * previewed as a student sees it (compiled, never stored), and any lesson a teacher may use can be
 * copied into a new draft under an id of its own.
 */
import { randomUUID } from 'node:crypto';
import { parseDocument } from 'yaml';
import { MAX_FILE_BYTES, type Lesson } from '$lib/lesson';
import type { LessonProblem } from '$lib/lesson/problem';
import type { Db } from './db/database';
import {
	ConflictError,
	InvalidLessonError,
	NotFoundError,
	PayloadTooLargeError,
	ValidationError
} from './errors';
import { compileFiles, importLesson, lessonFiles, type LessonFiles } from './lessons';

/** The longest lesson id the schema accepts. */
const MAX_ID_LENGTH = 64;

/** A draft as the editor loads it. */
export interface Draft {
	id: string;
	article: string;
	lesson: string;
	revision: number;
	updatedAt: string;
}

/** A draft as the teacher's list shows it. */
export interface DraftSummary {
	id: string;
	/** The lesson's title as the draft has it so far (empty when it has none yet). */
	title: { ar: string; en: string };
	revision: number;
	updatedAt: string;
}

/** How many drafts one teacher may keep: a bound on what one account can store. */
export const MAX_DRAFTS = 200;

/** A save based on a revision that is no longer current: 409 with the draft as it is. */
export class StaleDraftError extends ConflictError {
	constructor(readonly current: Draft) {
		super(
			'stale-revision',
			'This draft was saved elsewhere since you opened it. Choose which version to keep.'
		);
	}
}

const missing = () => new NotFoundError('unknown-draft', 'You have no draft with this id.');

/** The two files of a request's body, checked for type and size. */
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
	for (const [name, text] of [
		['article.ar.txt', article],
		['lesson.yaml', lesson]
	] as const) {
		if (new TextEncoder().encode(text).byteLength > MAX_FILE_BYTES) {
			throw new PayloadTooLargeError(
				'file-too-large',
				`${name} must be at most ${MAX_FILE_BYTES / 1024} KB.`
			);
		}
	}
	return { article, lesson };
}

type DraftRow = {
	id: string;
	article: string;
	yaml: string;
	revision: number;
	updated_at: string;
};

const toDraft = (row: DraftRow): Draft => ({
	id: row.id,
	article: row.article,
	lesson: row.yaml,
	revision: Number(row.revision),
	updatedAt: row.updated_at
});

/** The title in a draft's YAML so far; empty texts when it has none or cannot be read. */
export function draftTitle(yaml: string): { ar: string; en: string } {
	try {
		const title = parseDocument(yaml).toJS({ maxAliasCount: 50 })?.title;
		const text = (value: unknown) => (typeof value === 'string' ? value : '');
		return { ar: text(title?.ar), en: text(title?.en) };
	} catch {
		return { ar: '', en: '' };
	}
}

/**
 * Starts a draft from two files (a scaffolded article, or a lesson to adapt).
 *
 * @throws ValidationError `invalid-body`, PayloadTooLargeError `file-too-large`,
 *   ValidationError `too-many-drafts` past MAX_DRAFTS
 */
export async function createDraft(
	db: Db,
	teacherId: string,
	body: unknown,
	now: Date = new Date()
): Promise<Draft> {
	const files = filesOf(body);
	const count = await db
		.selectFrom('lesson_drafts')
		.select(db.fn.countAll<number>().as('n'))
		.where('owner_id', '=', teacherId)
		.executeTakeFirstOrThrow();
	if (Number(count.n) >= MAX_DRAFTS) {
		throw new ValidationError(
			'too-many-drafts',
			`You have ${MAX_DRAFTS} drafts. Delete some before starting another.`
		);
	}
	const at = now.toISOString();
	const row = {
		id: randomUUID(),
		owner_id: teacherId,
		article: files.article,
		yaml: files.lesson,
		revision: 1,
		created_at: at,
		updated_at: at
	};
	await db.insertInto('lesson_drafts').values(row).execute();
	return toDraft(row);
}

/**
 * One of the teacher's drafts.
 *
 * @throws NotFoundError `unknown-draft` when it is not theirs or does not exist
 */
export async function getDraft(db: Db, teacherId: string, id: string): Promise<Draft> {
	const row = await db
		.selectFrom('lesson_drafts')
		.select(['id', 'article', 'yaml', 'revision', 'updated_at'])
		.where('id', '=', id)
		.where('owner_id', '=', teacherId)
		.executeTakeFirst();
	if (!row) throw missing();
	return toDraft(row);
}

/**
 * Saves a draft's files if it is still at `revision`, in one conditional update so two saves
 * racing cannot both win.
 *
 * @param body `{ article, lesson, revision }`: the files and the revision they were based on
 * @returns the draft at its next revision
 * @throws StaleDraftError (409) with the current draft when `revision` is not current;
 *   NotFoundError, ValidationError `invalid-body`, PayloadTooLargeError
 */
export async function saveDraft(
	db: Db,
	teacherId: string,
	id: string,
	body: unknown,
	now: Date = new Date()
): Promise<Draft> {
	const files = filesOf(body);
	const revision = (body as { revision?: unknown }).revision;
	if (typeof revision !== 'number' || !Number.isInteger(revision)) {
		throw new ValidationError('invalid-body', 'Expected the revision the draft was based on.');
	}
	const at = now.toISOString();
	const result = await db
		.updateTable('lesson_drafts')
		.set({ article: files.article, yaml: files.lesson, revision: revision + 1, updated_at: at })
		.where('id', '=', id)
		.where('owner_id', '=', teacherId)
		.where('revision', '=', revision)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 1) {
		return {
			id,
			article: files.article,
			lesson: files.lesson,
			revision: revision + 1,
			updatedAt: at
		};
	}
	throw new StaleDraftError(await getDraft(db, teacherId, id));
}

/** The teacher's drafts, most recently saved first. */
export async function listDrafts(db: Db, teacherId: string): Promise<DraftSummary[]> {
	const rows = await db
		.selectFrom('lesson_drafts')
		.select(['id', 'yaml', 'revision', 'updated_at'])
		.where('owner_id', '=', teacherId)
		.orderBy('updated_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		title: draftTitle(row.yaml),
		revision: Number(row.revision),
		updatedAt: row.updated_at
	}));
}

/**
 * Deletes one of the teacher's drafts (a lesson published from it stays).
 *
 * @throws NotFoundError `unknown-draft`
 */
export async function deleteDraft(db: Db, teacherId: string, id: string): Promise<void> {
	const result = await db
		.deleteFrom('lesson_drafts')
		.where('id', '=', id)
		.where('owner_id', '=', teacherId)
		.executeTakeFirst();
	if (Number(result.numDeletedRows) !== 1) throw missing();
}

/**
 * Publishes a draft as it is saved: compiled as every import is, stored as a new lesson or a new
 * version of the teacher's own. The draft stays, to publish later versions from.
 *
 * @param revision the revision the teacher sees: what is published is what they checked
 * @returns the lesson's id and version; `created` when a new lesson or a new version was stored
 * @throws StaleDraftError (409) when `revision` is not current; InvalidLessonError (422) with
 *   every problem, nothing stored; RefusedError `lesson-taken` when the id is a shipped lesson or
 *   another teacher's; NotFoundError
 */
export async function publishDraft(
	db: Db,
	teacherId: string,
	id: string,
	revision: unknown,
	now: Date = new Date()
): Promise<{ id: string; version: string; created: boolean }> {
	const draft = await getDraft(db, teacherId, id);
	if (revision !== draft.revision) throw new StaleDraftError(draft);
	return importLesson(db, teacherId, { article: draft.article, lesson: draft.lesson }, { now });
}

/** What the preview of a draft shows: the lesson as a student would get it, or why it cannot. */
export type DraftPreview =
	{ lesson: Lesson; problems?: undefined } | { lesson?: undefined; problems: LessonProblem[] };

/**
 * A draft compiled as publishing would compile it, to try as a student before publishing; a draft
 * that does not compile gives its problems instead. Nothing is stored.
 *
 * @throws NotFoundError `unknown-draft`
 */
export async function previewDraft(db: Db, teacherId: string, id: string): Promise<DraftPreview> {
	const draft = await getDraft(db, teacherId, id);
	try {
		return { lesson: compileFiles({ article: draft.article, lesson: draft.lesson }) };
	} catch (cause) {
		if (cause instanceof InvalidLessonError) return { problems: cause.problems };
		throw cause;
	}
}

/** Copies of one lesson one teacher may start before the id asks for a hand-made one. */
const MAX_COPIES = 99;

/** `base-copy`, `base-copy-2`, …: the ids a copy of lesson `base` is offered, within the limit. */
export function copyIds(base: string): string[] {
	const root = base.replace(/-copy(?:-\d+)?$/, '');
	return Array.from({ length: MAX_COPIES }, (_, i) => {
		const suffix = i === 0 ? '-copy' : `-copy-${i + 1}`;
		return `${root.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
	});
}

/** The top-level `id` of a lesson's YAML, or '' when it cannot be read. */
function yamlId(yaml: string): string {
	try {
		const id = parseDocument(yaml).toJS({ maxAliasCount: 50 })?.id;
		return typeof id === 'string' ? id : '';
	} catch {
		return '';
	}
}

/**
 * `lesson.yaml` with its id set to `id`. The `id:` line alone is rewritten, so the rest of the file
 * (comments, layout) stays as its author wrote it; YAML where the id is not on such a line is
 * written out again by the parser.
 */
export function withLessonId(yaml: string, id: string): string {
	const edited = yaml.replace(/^id:[^\S\n]*(?:"[^"\n]*"|'[^'\n]*'|[^\s#]*)/m, `id: ${id}`);
	if (yamlId(edited) === id) return edited;
	const doc = parseDocument(yaml);
	doc.set('id', id);
	return doc.toString({ lineWidth: 0 });
}

/**
 * Starts a draft from any lesson the teacher may use (shipped, shared or their own): its two files
 * as stored, under a new id that no lesson on the server and no draft of theirs has, so that
 * publishing the copy never replaces the original. The author can change the id in the editor.
 *
 * @throws NotFoundError `unknown-lesson` when there is no such lesson or it is not theirs to see;
 *   ValidationError `too-many-drafts`, `no-copy-id` when every offered id is taken
 */
export async function copyLessonToDraft(
	db: Db,
	teacherId: string,
	lessonId: string,
	now: Date = new Date()
): Promise<Draft> {
	const files = await lessonFiles(db, teacherId, lessonId);
	const offered = copyIds(lessonId);
	const lessons = await db.selectFrom('lessons').select('id').where('id', 'in', offered).execute();
	const drafts = await db
		.selectFrom('lesson_drafts')
		.select('yaml')
		.where('owner_id', '=', teacherId)
		.execute();
	const taken = new Set([
		...lessons.map((row) => row.id),
		...drafts.map((row) => yamlId(row.yaml))
	]);
	const id = offered.find((candidate) => !taken.has(candidate));
	if (!id) {
		throw new ValidationError(
			'no-copy-id',
			`Every id offered for a copy of "${lessonId}" is taken. Delete some copies first.`
		);
	}
	return createDraft(db, teacherId, { ...files, lesson: withLessonId(files.lesson, id) }, now);
}
