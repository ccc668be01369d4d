/**
 * The database's tables as Kysely sees them. One definition for both engines, so every column
 * has a type that SQLite and PostgreSQL return alike:
 * - timestamps are ISO 8601 strings in UTC (`2025-01-31T08:00:00.000Z`), which sort as text;
 * - booleans are integers 0/1 (PostgreSQL would return `true`, SQLite `1`);
 * - counts come back as numbers because the PostgreSQL pool parses int8 (see connect.ts).
 */
import type { Generated, Kysely, Selectable } from 'kysely';

/** An ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it. */
export type Timestamp = string;

export interface TeachersTable {
	id: string;
	/** Trimmed and lower-cased; unique. */
	email: string;
	name: string;
	/** `scrypt$N=…,r=…,p=…$salt$hash`: the parameters travel with the hash. */
	password_hash: string;
	created_at: Timestamp;
}

export interface SessionsTable {
	/** SHA-256 (hex) of the cookie's value; the value itself is never stored. */
	id_hash: string;
	teacher_id: string;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface PasswordResetsTable {
	/** SHA-256 (hex) of the link's token; the token itself is never stored. */
	token_hash: string;
	teacher_id: string;
	created_at: Timestamp;
	/** The link works until then, once. */
	expires_at: Timestamp;
}

export interface ClassesTable {
	id: string;
	teacher_id: string;
	name: string;
	/** IANA time zone in which due dates end. */
	time_zone: Generated<string>;
	/** Shown to the teacher, typed by students; unique across classes. */
	join_code: string;
	archived_at: Timestamp | null;
	created_at: Timestamp;
}

export interface StudentsTable {
	id: string;
	class_id: string;
	display_name: string;
	/** SHA-256 (hex) of the device's secret token. */
	token_hash: string;
	/** SHA-256 (hex) of a one-time re-join code, while one is outstanding. */
	rejoin_code_hash: string | null;
	rejoin_expires_at: Timestamp | null;
	created_at: Timestamp;
	last_seen_at: Timestamp | null;
}

export interface AssignmentsTable {
	class_id: string;
	lesson_id: string;
	/** `YYYY-MM-DD` in the class's time zone, or null for no due date. */
	due_date: string | null;
	created_at: Timestamp;
}

export interface AttemptsTable {
	/** The client-generated UUID: the key that makes a replay store nothing twice. */
	id: string;
	student_id: string;
	lesson_id: string;
	/** The compiled lesson's content hash when the server graded the answer. */
	lesson_version: string;
	question_id: string;
	/** The parsed answer as JSON text. */
	answer: string;
	/** 1 when fully right, else 0. */
	correct: number;
	/** Credit from 0 to 1. */
	score: number;
	/** The device's clock: informational only, never trusted for lateness. */
	answered_at: Timestamp;
	/** The server's clock when the answer arrived: what lateness is judged by. */
	received_at: Timestamp;
	/**
	 * The answer's position in the batch it arrived in. A device's outbox sends answers in the
	 * order they were given, so (received_at, batch_index) orders a student's tries even when
	 * the device's clock is wrong.
	 */
	batch_index: number;
}

export interface RateLimitsTable {
	action: string;
	/** SHA-256 (hex) of the limited key (an IP address, an e-mail address). */
	key: string;
	/** Which fixed window the count belongs to: `floor(now / windowMs)`. */
	window_index: number;
	count: number;
}

export interface LessonsTable {
	/** The lesson's `id`: unique across shipped and imported lessons. */
	id: string;
	/** `shipped`: from `lessons/`, read-only; `imported`: added by a teacher. */
	origin: 'shipped' | 'imported';
	/** The teacher who imported it; null for shipped lessons (or a deleted teacher's). */
	owner_id: string | null;
	/** 1 when its owner lets every teacher on the server assign it. */
	shared: number;
	/** 1 for a shipped lesson whose folder is gone: kept for its answers, no longer listed. */
	retired: number;
	/** The current version: the compiled lesson's content hash. */
	version: string;
	/** SHA-256 of the current version's two files: a shipped lesson unchanged since is not compiled again. */
	source_hash: string;
	/**
	 * A shipped lesson's files as `stat` saw them when `source_hash` was last checked
	 * (`fileStamp` in shipped-lessons.ts); null when not known. Only ever a shortcut: when it
	 * differs, the files are read and hashed.
	 */
	source_stat: string | null;
	/** Both titles, normalised (`searchText`), for search by title in either language. */
	search: string;
	/** The order the library lists lessons in. */
	sort_title: string;
	level: string | null;
	genre: string;
	/** The `LessonSummary` as JSON: what a library card shows. */
	summary: string;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface LessonVersionsTable {
	lesson_id: string;
	version: string;
	/** `article.ar.txt` exactly as imported or read. */
	article: string;
	/** `lesson.yaml` exactly as imported or read. */
	yaml: string;
	/** The compiled `Lesson` as JSON. */
	compiled: string;
	created_at: Timestamp;
	/** When another version became current; null while this one is. */
	replaced_at: Timestamp | null;
}

/**
 * A removed student's device: the hash of its token only (nothing that names the student), so
 * its next sync is told `removed` rather than `invalid-token`. Kept a year.
 */
export interface RemovedDevicesTable {
	token_hash: string;
	removed_at: Timestamp;
}

/**
 * A typed answer a teacher accepted as right for a question of one class's assignment; also the
 * log of the decision: who, when, and how many stored answers it re-graded.
 */
export interface AcceptedAnswersTable {
	id: string;
	class_id: string;
	lesson_id: string;
	question_id: string;
	/** `shortGroup` of the text: answers that read the same as it are accepted with it. */
	answer_group: string;
	/** As the first student typed it, for the teacher to read. */
	answer_text: string;
	accepted_by: string;
	accepted_at: string;
	regraded: number;
}

/** A lesson a teacher is writing in the browser, as its two files (see drafts.ts). */
export interface LessonDraftsTable {
	id: string;
	owner_id: string;
	/** `article.ar.txt` as it stands. */
	article: string;
	/** `lesson.yaml` as it stands. */
	yaml: string;
	/** 1 when created, one more with every save: what tells a save based on stale content. */
	revision: number;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/**
 * Per student and lesson, what their answers come to on each question: kept current with the
 * answers by `$lib/server/result-rows`, read by the results pages.
 */
export interface ResultRowsTable {
	student_id: string;
	lesson_id: string;
	/** JSON: one `PackedCell` (result-rows.ts) per question answered. */
	cells: string;
}

export interface Database {
	lessons: LessonsTable;
	lesson_versions: LessonVersionsTable;
	teachers: TeachersTable;
	sessions: SessionsTable;
	password_resets: PasswordResetsTable;
	classes: ClassesTable;
	students: StudentsTable;
	assignments: AssignmentsTable;
	attempts: AttemptsTable;
	rate_limits: RateLimitsTable;
	accepted_answers: AcceptedAnswersTable;
	lesson_drafts: LessonDraftsTable;
	removed_devices: RemovedDevicesTable;
	result_rows: ResultRowsTable;
}

/** Every application table, for tests that check a deletion left nothing behind. */
export const TABLES = [
	'teachers',
	'sessions',
	'password_resets',
	'classes',
	'students',
	'assignments',
	'attempts',
	'rate_limits',
	'lessons',
	'lesson_versions',
	'accepted_answers',
	'lesson_drafts',
	'removed_devices',
	'result_rows'
] as const satisfies readonly (keyof Database)[];

/** The query builder the services take as their first parameter. */
export type Db = Kysely<Database>;

export type ClassRow = Selectable<ClassesTable>;
export type AttemptRow = Selectable<AttemptsTable>;
