/**
 * Students, seen from their device: join a class with its code and a display name (no e-mail, no
 * password), and from then on prove who they are with a random secret token that the device
 * keeps. The database stores only the token's SHA-256.
 *
 * A student belongs to one class: the name is class-scoped (design §7), and a device that joins
 * two classes keeps two tokens.
 */
import { randomUUID } from 'node:crypto';
import type { Bilingual } from '$lib/lesson/types';
import { getLessons } from '$lib/server/lessons';
import type { Db } from './db/database';
import {
	GoneError,
	NotFoundError,
	RateLimitError,
	RefusedError,
	UnauthorizedError
} from './errors';
import { cleanName, STUDENT_NAME_MAX } from './names';
import { hit, refund } from './ratelimit';
import { wasRemoved } from './removed';
import {
	hashToken,
	isTokenShaped,
	JOIN_CODE_LENGTH,
	newToken,
	normaliseCode,
	REJOIN_CODE_LENGTH
} from './tokens';

/** What a device gets when it joins: keep `token` secret, send it as `Authorization: Bearer`. */
export interface Joined {
	studentId: string;
	token: string;
	classId: string;
	className: string;
	/** The student's display name (on a re-join, the name the class knows them by). */
	name: string;
	/** True when a re-join code brought back an existing student. */
	rejoined: boolean;
}

/** The student a token belongs to. */
export interface StudentIdentity {
	id: string;
	name: string;
	classId: string;
	className: string;
	/** IANA time zone in which the class's due dates end. */
	timeZone: string;
	archived: boolean;
}

/** One assignment on a student's home page. */
export interface StudentAssignment {
	lessonId: string;
	/** Null when the lesson is no longer on the server. */
	title: Bilingual | null;
	/** The lesson's content hash, so the device can tell its cached copy is stale. */
	version: string | null;
	/** `YYYY-MM-DD` in the class's time zone, or null. */
	dueDate: string | null;
	assignedAt: string;
	questionCount: number;
	/** Questions of the lesson this student has an answer stored for. */
	answered: number;
}

/** What `/api/me` returns: the student and their class(es) with assignments. */
export interface StudentHome {
	student: { id: string; name: string };
	/** Always one class per token today; a list so that devices need not change if that does. */
	classes: {
		id: string;
		name: string;
		timeZone: string;
		archived: boolean;
		assignments: StudentAssignment[];
	}[];
}

const unknownCode = () =>
	new NotFoundError('unknown-code', 'No class has this code. Check it with your teacher.');

/**
 * Joins a class with its join code (6 letters) and a display name, or brings a student back on a
 * new device with a one-time re-join code (8 letters; `name` is then ignored).
 *
 * Rate-limited per IP address, sized for a whole school behind one address (ratelimit.ts): every
 * attempt, and wrong codes. A code's look-up is counted as a wrong one before it happens (one
 * atomic upsert, so parallel guesses cannot all be looked up) and given back when it was right.
 *
 * @param input.ip the client's address, for the rate limits
 * @throws RateLimitError; ValidationError `invalid-name` (checked before the code, so a bad name
 *   tells nothing about the code); NotFoundError `unknown-code`; RefusedError `class-archived`
 */
export async function joinClass(
	db: Db,
	input: { code: unknown; name?: unknown; ip: string },
	now: Date = new Date()
): Promise<Joined> {
	const at = now.getTime();
	const attempts = await hit(db, 'join', input.ip, at);
	if (!attempts.allowed) throw new RateLimitError(attempts.retryAfterSeconds);

	const code = normaliseCode(input.code);
	// The name is checked before the code is looked up, so a bad name tells nothing about
	// whether the code exists.
	const name = code?.length === REJOIN_CODE_LENGTH ? '' : cleanName(input.name, STUDENT_NAME_MAX);
	// Something that cannot be a code is not looked up, so it is no guess either.
	if (code === null || (code.length !== JOIN_CODE_LENGTH && code.length !== REJOIN_CODE_LENGTH)) {
		throw unknownCode();
	}
	const guess = await hit(db, 'join-failure', input.ip, at);
	if (!guess.allowed) throw new RateLimitError(guess.retryAfterSeconds);
	let joined: Joined | null;
	try {
		joined =
			code.length === REJOIN_CODE_LENGTH
				? await rejoinWithCode(db, code, now)
				: await joinWithClassCode(db, code, name, now);
	} catch (error) {
		// An archived class's code is a right code: not a guess.
		await refund(db, 'join-failure', input.ip, at);
		throw error;
	}
	if (joined === null) throw unknownCode();
	await refund(db, 'join-failure', input.ip, at);
	return joined;
}

async function joinWithClassCode(
	db: Db,
	code: string,
	name: string,
	now: Date
): Promise<Joined | null> {
	const classRow = await db
		.selectFrom('classes')
		.select(['id', 'name', 'archived_at'])
		.where('join_code', '=', code)
		.executeTakeFirst();
	if (!classRow) return null;
	if (classRow.archived_at !== null) {
		throw new RefusedError('class-archived', 'This class is closed to new students.');
	}
	const token = newToken();
	const studentId = randomUUID();
	await db
		.insertInto('students')
		.values({
			id: studentId,
			class_id: classRow.id,
			display_name: name,
			token_hash: hashToken(token),
			rejoin_code_hash: null,
			rejoin_expires_at: null,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString()
		})
		.execute();
	return {
		studentId,
		token,
		classId: classRow.id,
		className: classRow.name,
		name,
		rejoined: false
	};
}

async function rejoinWithCode(db: Db, code: string, now: Date): Promise<Joined | null> {
	const codeHash = hashToken(code);
	const student = await db
		.selectFrom('students')
		.innerJoin('classes', 'classes.id', 'students.class_id')
		.select([
			'students.id',
			'students.display_name',
			'students.rejoin_expires_at',
			'classes.id as class_id',
			'classes.name as class_name'
		])
		.where('students.rejoin_code_hash', '=', codeHash)
		.executeTakeFirst();
	if (!student || student.rejoin_expires_at === null) return null;
	if (student.rejoin_expires_at <= now.toISOString()) return null;
	const token = newToken();
	// Matching on the code's hash as well makes the code single-use even when two devices redeem
	// it at the same moment: only one update finds it.
	const updated = await db
		.updateTable('students')
		.set({
			token_hash: hashToken(token),
			rejoin_code_hash: null,
			rejoin_expires_at: null,
			last_seen_at: now.toISOString()
		})
		.where('id', '=', student.id)
		.where('rejoin_code_hash', '=', codeHash)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return null;
	return {
		studentId: student.id,
		token,
		classId: student.class_id,
		className: student.class_name,
		name: student.display_name,
		rejoined: true
	};
}

/**
 * The student a device token belongs to.
 *
 * @returns null for a missing, malformed or unknown token (a removed student's token is unknown)
 */
export async function studentFromToken(db: Db, token: unknown): Promise<StudentIdentity | null> {
	if (!isTokenShaped(token)) return null;
	const row = await db
		.selectFrom('students')
		.innerJoin('classes', 'classes.id', 'students.class_id')
		.select([
			'students.id',
			'students.display_name',
			'classes.id as class_id',
			'classes.name as class_name',
			'classes.time_zone',
			'classes.archived_at'
		])
		.where('students.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		name: row.display_name,
		classId: row.class_id,
		className: row.class_name,
		timeZone: row.time_zone,
		archived: row.archived_at !== null
	};
}

/**
 * The student a device's request comes from, for the device API.
 *
 * @throws GoneError `removed` when the teacher removed the student (or deleted the class): the
 *   device should stop sending, keep what it holds and say so; UnauthorizedError `invalid-token`
 *   for a missing, malformed or unknown token
 */
export async function requireDeviceStudent(db: Db, token: unknown): Promise<StudentIdentity> {
	const student = await studentFromToken(db, token);
	if (student) return student;
	if (await wasRemoved(db, token)) {
		throw new GoneError('removed', 'The teacher removed this student from the class.');
	}
	throw new UnauthorizedError('invalid-token', 'Unknown student token.');
}

/**
 * What a student's home page shows: their class and its assignments, soonest due first (those
 * without a due date last), each with how many of its questions the student has answered.
 */
export async function studentHome(db: Db, student: StudentIdentity): Promise<StudentHome> {
	const assignments = await db
		.selectFrom('assignments')
		.select(['lesson_id', 'due_date', 'created_at'])
		.where('class_id', '=', student.classId)
		.execute();
	const answered = await db
		.selectFrom('attempts')
		.select(['lesson_id', 'question_id'])
		.distinct()
		.where('student_id', '=', student.id)
		.execute();
	const answeredBy = new Map<string, Set<string>>();
	for (const row of answered) {
		const set = answeredBy.get(row.lesson_id) ?? new Set<string>();
		set.add(row.question_id);
		answeredBy.set(row.lesson_id, set);
	}
	const lessons = await getLessons(
		db,
		assignments.map((row) => row.lesson_id)
	);
	const list = assignments.map((row): StudentAssignment => {
		const lesson = lessons.get(row.lesson_id);
		const done = answeredBy.get(row.lesson_id);
		return {
			lessonId: row.lesson_id,
			title: lesson?.title ?? null,
			version: lesson?.version ?? null,
			dueDate: row.due_date,
			assignedAt: row.created_at,
			questionCount: lesson?.questions.length ?? 0,
			answered: lesson?.questions.filter((question) => done?.has(question.id)).length ?? 0
		};
	});
	list.sort(
		(a, b) =>
			(a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
			a.assignedAt.localeCompare(b.assignedAt) ||
			a.lessonId.localeCompare(b.lessonId)
	);
	return {
		student: { id: student.id, name: student.name },
		classes: [
			{
				id: student.classId,
				name: student.className,
				timeZone: student.timeZone,
				archived: student.archived,
				assignments: list
			}
		]
	};
}
