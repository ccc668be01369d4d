/**
 * Classes, seen from their teacher: create, rename, archive, delete, the join code, the roster.
 *
 * Every function that takes a class id takes the teacher's id too and refuses a class that is
 * not theirs (`ForbiddenError`, which routes answer as 404 like a class that does not exist).
 */
import { randomUUID } from 'node:crypto';
import type { ClassRow, Db } from './db/database';
import { isUniqueViolation } from './db/errors';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { CLASS_NAME_MAX, cleanName, nameKey, STUDENT_NAME_MAX } from './names';
import { rememberRemoved } from './removed';
import { hashToken, JOIN_CODE_LENGTH, randomCode, REJOIN_CODE_LENGTH } from './tokens';

/** The time zone a new class's due dates end in, unless the teacher picks another. */
export const DEFAULT_TIME_ZONE = 'Asia/Baghdad';

/** How long a re-join code works. */
export const REJOIN_CODE_MS = 7 * 24 * 60 * 60 * 1000;

// Codes are random over a large space, so a clash is rare; a few tries make it vanishingly so.
const CODE_TRIES = 8;

/** A class as its teacher's pages show it. */
export interface ClassSummary {
	id: string;
	name: string;
	/** IANA time zone in which due dates end. */
	timeZone: string;
	/** Students join at `/join/<joinCode>`. */
	joinCode: string;
	archived: boolean;
	createdAt: string;
	studentCount: number;
	assignmentCount: number;
}

/** A student on a class's roster. */
export interface RosterEntry {
	id: string;
	name: string;
	joinedAt: string;
	/** When the student's device last synced, or null if never. */
	lastSeenAt: string | null;
	/** Answers stored for this student. */
	attemptCount: number;
	/** A re-join code was issued and has not been used or expired. */
	rejoinPending: boolean;
	/** Another student of the class has the same name (`nameKey`): the teacher cannot tell them apart. */
	duplicate: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Tells whether a value has the shape of the ids this module makes. */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

const notFound = () => new NotFoundError('class-not-found', 'No such class.');

/**
 * Loads a class that must belong to `teacherId`; the other services call it before touching a
 * class's data.
 *
 * @throws NotFoundError when there is no such class; ForbiddenError when it is another teacher's
 */
export async function requireClass(db: Db, teacherId: string, classId: unknown): Promise<ClassRow> {
	if (!isId(classId)) throw notFound();
	const row = await db
		.selectFrom('classes')
		.selectAll()
		.where('id', '=', classId)
		.executeTakeFirst();
	return ownClass(row, teacherId);
}

/**
 * A class row read by a caller's own query (with more beside it), checked as `requireClass`
 * checks it.
 *
 * @throws NotFoundError when there is no row; ForbiddenError when it is another teacher's class
 */
export function ownClass<Row extends ClassRow>(row: Row | undefined, teacherId: string): Row {
	if (!row) throw notFound();
	if (row.teacher_id !== teacherId) {
		throw new ForbiddenError('class-not-found', 'No such class.');
	}
	return row;
}

/**
 * Checks an IANA time zone name.
 *
 * @returns the zone's canonical spelling
 * @throws ValidationError `invalid-time-zone`
 */
export function parseTimeZone(value: unknown): string {
	if (typeof value === 'string' && value.length > 0 && value.length <= 64) {
		try {
			return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
		} catch {
			// RangeError: not a zone this runtime knows; reported below.
		}
	}
	throw new ValidationError('invalid-time-zone', 'Unknown time zone.');
}

async function summaries(db: Db, teacherId: string, classId?: string): Promise<ClassSummary[]> {
	let query = db
		.selectFrom('classes')
		.select((eb) => [
			'id',
			'name',
			'time_zone',
			'join_code',
			'archived_at',
			'created_at',
			eb
				.selectFrom('students')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('students.class_id', '=', 'classes.id')
				.as('student_count'),
			eb
				.selectFrom('assignments')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('assignments.class_id', '=', 'classes.id')
				.as('assignment_count')
		])
		.where('teacher_id', '=', teacherId);
	if (classId !== undefined) query = query.where('id', '=', classId);
	const rows = await query.orderBy('created_at').orderBy('id').execute();
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		timeZone: row.time_zone,
		joinCode: row.join_code,
		archived: row.archived_at !== null,
		createdAt: row.created_at,
		studentCount: Number(row.student_count ?? 0),
		assignmentCount: Number(row.assignment_count ?? 0)
	}));
}

/**
 * A teacher's classes, oldest first, with their student and assignment counts.
 *
 * @param options.archived include archived classes (default false)
 */
export async function listClasses(
	db: Db,
	teacherId: string,
	options: { archived?: boolean } = {}
): Promise<ClassSummary[]> {
	const all = await summaries(db, teacherId);
	return options.archived ? all : all.filter((summary) => !summary.archived);
}

/**
 * One class of the teacher's.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function getClass(db: Db, teacherId: string, classId: unknown): Promise<ClassSummary> {
	const row = await requireClass(db, teacherId, classId);
	const [summary] = await summaries(db, teacherId, row.id);
	if (!summary) throw notFound();
	return summary;
}

/**
 * Creates a class with a fresh join code.
 *
 * @param input.name 1–80 characters
 * @param input.timeZone IANA zone in which due dates end; default Asia/Baghdad
 * @throws ValidationError `invalid-name`, `invalid-time-zone`
 */
export async function createClass(
	db: Db,
	teacherId: string,
	input: { name: unknown; timeZone?: unknown },
	now: Date = new Date()
): Promise<ClassSummary> {
	const name = cleanName(input.name, CLASS_NAME_MAX);
	const timeZone = input.timeZone === undefined ? DEFAULT_TIME_ZONE : parseTimeZone(input.timeZone);
	const id = randomUUID();
	for (let attempt = 0; ; attempt++) {
		const inserted = await db
			.insertInto('classes')
			.values({
				id,
				teacher_id: teacherId,
				name,
				time_zone: timeZone,
				join_code: randomCode(JOIN_CODE_LENGTH),
				archived_at: null,
				created_at: now.toISOString()
			})
			.onConflict((conflict) => conflict.column('join_code').doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) break;
		if (attempt >= CODE_TRIES) throw new Error('Could not find a free join code');
	}
	return getClass(db, teacherId, id);
}

/**
 * Renames a class.
 *
 * @throws NotFoundError, ForbiddenError, ValidationError `invalid-name`
 */
export async function renameClass(
	db: Db,
	teacherId: string,
	classId: unknown,
	name: unknown
): Promise<ClassSummary> {
	const row = await requireClass(db, teacherId, classId);
	const cleaned = cleanName(name, CLASS_NAME_MAX);
	await db.updateTable('classes').set({ name: cleaned }).where('id', '=', row.id).execute();
	return getClass(db, teacherId, row.id);
}

/**
 * Changes the time zone in which the class's due dates end.
 *
 * @throws NotFoundError, ForbiddenError, ValidationError `invalid-time-zone`
 */
export async function setClassTimeZone(
	db: Db,
	teacherId: string,
	classId: unknown,
	timeZone: unknown
): Promise<ClassSummary> {
	const row = await requireClass(db, teacherId, classId);
	const zone = parseTimeZone(timeZone);
	await db.updateTable('classes').set({ time_zone: zone }).where('id', '=', row.id).execute();
	return getClass(db, teacherId, row.id);
}

/**
 * Archives a class (or brings it back with `archived: false`). An archived class keeps its data
 * and still accepts answers already on students' devices, but nobody can join it.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function archiveClass(
	db: Db,
	teacherId: string,
	classId: unknown,
	archived = true,
	now: Date = new Date()
): Promise<ClassSummary> {
	const row = await requireClass(db, teacherId, classId);
	await db
		.updateTable('classes')
		.set({ archived_at: archived ? (row.archived_at ?? now.toISOString()) : null })
		.where('id', '=', row.id)
		.execute();
	return getClass(db, teacherId, row.id);
}

/**
 * Deletes a class with everything in it: students, their answers, assignments. Offer the export
 * (`classCsv` in results.ts) first; this cannot be undone.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function deleteClass(db: Db, teacherId: string, classId: unknown): Promise<void> {
	const row = await requireClass(db, teacherId, classId);
	// The foreign keys cascade, but deleting children explicitly keeps the outcome independent of
	// a connection that forgot `foreign_keys = ON`.
	await db.transaction().execute(async (trx) => {
		const students = trx.selectFrom('students').select('id').where('class_id', '=', row.id);
		const devices = await trx
			.selectFrom('students')
			.select('token_hash')
			.where('class_id', '=', row.id)
			.execute();
		await rememberRemoved(
			trx,
			devices.map((device) => device.token_hash)
		);
		await trx.deleteFrom('attempts').where('student_id', 'in', students).execute();
		await trx.deleteFrom('students').where('class_id', '=', row.id).execute();
		await trx.deleteFrom('assignments').where('class_id', '=', row.id).execute();
		await trx.deleteFrom('classes').where('id', '=', row.id).execute();
	});
}

/**
 * Gives a class a new join code; the old one stops working at once (students who joined stay).
 *
 * @returns the new code
 * @throws NotFoundError, ForbiddenError
 */
export async function rotateJoinCode(db: Db, teacherId: string, classId: unknown): Promise<string> {
	const row = await requireClass(db, teacherId, classId);
	for (let attempt = 0; ; attempt++) {
		const code = randomCode(JOIN_CODE_LENGTH);
		try {
			await db.updateTable('classes').set({ join_code: code }).where('id', '=', row.id).execute();
			return code;
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= CODE_TRIES) throw error;
		}
	}
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

/**
 * A class's students, sorted by name.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function roster(
	db: Db,
	teacherId: string,
	classId: unknown,
	now: Date = new Date()
): Promise<RosterEntry[]> {
	const row = await requireClass(db, teacherId, classId);
	const students = await db
		.selectFrom('students')
		.select((eb) => [
			'id',
			'display_name',
			'created_at',
			'last_seen_at',
			'rejoin_code_hash',
			'rejoin_expires_at',
			eb
				.selectFrom('attempts')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('attempts.student_id', '=', 'students.id')
				.as('attempt_count')
		])
		.where('class_id', '=', row.id)
		.execute();
	const keys = new Map<string, number>();
	for (const student of students) {
		const key = nameKey(student.display_name);
		keys.set(key, (keys.get(key) ?? 0) + 1);
	}
	return students
		.map((student) => ({
			id: student.id,
			name: student.display_name,
			joinedAt: student.created_at,
			lastSeenAt: student.last_seen_at,
			attemptCount: Number(student.attempt_count ?? 0),
			rejoinPending:
				student.rejoin_code_hash !== null &&
				student.rejoin_expires_at !== null &&
				student.rejoin_expires_at > now.toISOString(),
			duplicate: (keys.get(nameKey(student.display_name)) ?? 0) > 1
		}))
		.sort((a, b) => collator.compare(a.name, b.name) || a.joinedAt.localeCompare(b.joinedAt));
}

async function requireStudent(db: Db, teacherId: string, classId: unknown, studentId: unknown) {
	const row = await requireClass(db, teacherId, classId);
	const student = isId(studentId)
		? await db
				.selectFrom('students')
				.select(['id', 'display_name'])
				.where('id', '=', studentId)
				.where('class_id', '=', row.id)
				.executeTakeFirst()
		: undefined;
	if (!student) throw new NotFoundError('student-not-found', 'No such student in this class.');
	return { classRow: row, student };
}

/**
 * Changes how a student's name appears (a typo, a duplicate).
 *
 * @throws NotFoundError (class or student), ForbiddenError, ValidationError `invalid-name`
 */
export async function renameStudent(
	db: Db,
	teacherId: string,
	classId: unknown,
	studentId: unknown,
	name: unknown
): Promise<void> {
	const { student } = await requireStudent(db, teacherId, classId, studentId);
	const cleaned = cleanName(name, STUDENT_NAME_MAX);
	await db
		.updateTable('students')
		.set({ display_name: cleaned })
		.where('id', '=', student.id)
		.execute();
}

/**
 * Removes a student from the class with all of their answers. Their device's token stops
 * working.
 *
 * @throws NotFoundError (class or student), ForbiddenError
 */
export async function removeStudent(
	db: Db,
	teacherId: string,
	classId: unknown,
	studentId: unknown
): Promise<void> {
	const { student } = await requireStudent(db, teacherId, classId, studentId);
	await db.transaction().execute(async (trx) => {
		// The device's next sync is told it was removed (removed.ts).
		const device = await trx
			.selectFrom('students')
			.select('token_hash')
			.where('id', '=', student.id)
			.execute();
		await rememberRemoved(
			trx,
			device.map((row) => row.token_hash)
		);
		await trx.deleteFrom('attempts').where('student_id', '=', student.id).execute();
		await trx.deleteFrom('students').where('id', '=', student.id).execute();
	});
}

/**
 * Issues a one-time re-join code for a student who lost their device: typed on the join page of
 * a new device, it hands that device a new token for the same student (keeping their answers)
 * and ends the old device's token. A newer code replaces an older one; it works for 7 days.
 *
 * @returns the code (shown once: only its hash is stored) and when it expires
 * @throws NotFoundError (class or student), ForbiddenError
 */
export async function createRejoinCode(
	db: Db,
	teacherId: string,
	classId: unknown,
	studentId: unknown,
	now: Date = new Date()
): Promise<{ code: string; expiresAt: Date }> {
	const { student } = await requireStudent(db, teacherId, classId, studentId);
	const expiresAt = new Date(now.getTime() + REJOIN_CODE_MS);
	for (let attempt = 0; ; attempt++) {
		const code = randomCode(REJOIN_CODE_LENGTH);
		try {
			await db
				.updateTable('students')
				.set({ rejoin_code_hash: hashToken(code), rejoin_expires_at: expiresAt.toISOString() })
				.where('id', '=', student.id)
				.execute();
			return { code, expiresAt };
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= CODE_TRIES) throw error;
		}
	}
}
