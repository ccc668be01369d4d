/**
 * Lessons assigned to a class, each with an optional due date. A due date is a calendar date in
 * the class's time zone; an answer is late when the server received it after that day ended
 * there. Late answers are marked, never refused. The device's clock plays no part: it may be
 * wrong, and a student could set it back.
 */
import type { Bilingual } from '$lib/lesson/types';
import { lessonTitles, unusableLessons } from '$lib/server/lessons';
import { requireClass } from './classes';
import type { Db } from './db/database';
import { NotFoundError, ValidationError } from './errors';

/** The most lessons one call may assign. */
export const MAX_LESSONS_PER_ASSIGN = 100;

/** A lesson assigned to a class. */
export interface AssignmentSummary {
	classId: string;
	lessonId: string;
	/** Null when the lesson is no longer on the server. */
	title: Bilingual | null;
	/** `YYYY-MM-DD` in the class's time zone, or null. */
	dueDate: string | null;
	/** The instant the due date ends (ISO), or null. */
	dueEnd: string | null;
	assignedAt: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(date: string): [number, number, number] | null {
	const match = DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const utc = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
	if (
		utc.getUTCFullYear() !== year ||
		utc.getUTCMonth() !== month - 1 ||
		utc.getUTCDate() !== day
	) {
		return null;
	}
	return [year, month, day];
}

/**
 * Checks a due date: `YYYY-MM-DD`, a real calendar date between 2000 and 2199; empty or null
 * means none.
 *
 * @throws ValidationError `invalid-due-date`
 */
export function parseDueDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const parts = typeof value === 'string' ? dateParts(value) : null;
	if (parts === null || parts[0] < 2000 || parts[0] > 2199) {
		throw new ValidationError('invalid-due-date', 'The due date must be a date like 2025-03-31.');
	}
	return value as string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, format);
	}
	return format;
}

// How far the zone's wall clock is ahead of UTC at an instant, in milliseconds.
function zoneOffset(instant: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wall = Date.UTC(
		parts.year ?? 0,
		(parts.month ?? 1) - 1,
		parts.day ?? 1,
		parts.hour ?? 0,
		parts.minute ?? 0,
		parts.second ?? 0
	);
	return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a due date ends: midnight at the start of the next day in `timeZone`.
 *
 * @param dueDate `YYYY-MM-DD`
 * @param timeZone an IANA zone, e.g. `Asia/Baghdad`
 */
export function dueEnd(dueDate: string, timeZone: string): Date {
	const parts = dateParts(dueDate);
	if (parts === null) throw new ValidationError('invalid-due-date', 'Not a date.');
	const wall = Date.UTC(parts[0], parts[1] - 1, parts[2] + 1);
	// The offset at the guessed instant can differ from the one at the true instant across a DST
	// change; a second pass with the offset found there settles it.
	const guess = wall - zoneOffset(wall, timeZone);
	return new Date(wall - zoneOffset(guess, timeZone));
}

/**
 * Tells whether an answer received at `receivedAt` (server time) is late for a due date.
 * Without a due date nothing is late.
 */
export function isLate(
	receivedAt: Date | string,
	dueDate: string | null,
	timeZone: string
): boolean {
	if (dueDate === null) return false;
	return new Date(receivedAt).getTime() >= dueEnd(dueDate, timeZone).getTime();
}

async function lessonIdsOf(db: Db, teacherId: string, value: unknown): Promise<string[]> {
	const list = typeof value === 'string' ? [value] : value;
	if (
		!Array.isArray(list) ||
		list.length === 0 ||
		list.length > MAX_LESSONS_PER_ASSIGN ||
		!list.every((id): id is string => typeof id === 'string')
	) {
		throw new ValidationError('invalid-lessons', 'Choose between 1 and 100 lessons.');
	}
	const unknown = await unusableLessons(db, teacherId, list);
	if (unknown.length > 0) {
		throw new ValidationError(
			'unknown-lesson',
			`Unknown lesson: ${unknown.slice(0, 5).join(', ')}`
		);
	}
	return [...new Set(list)];
}

function summarise(
	classId: string,
	timeZone: string,
	row: { lesson_id: string; due_date: string | null; created_at: string },
	titles: Map<string, { ar: string; en: string }>
): AssignmentSummary {
	return {
		classId,
		lessonId: row.lesson_id,
		title: titles.get(row.lesson_id) ?? null,
		dueDate: row.due_date,
		dueEnd: row.due_date === null ? null : dueEnd(row.due_date, timeZone).toISOString(),
		assignedAt: row.created_at
	};
}

/**
 * The lessons assigned to a class, soonest due first (no due date last).
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function listAssignments(
	db: Db,
	teacherId: string,
	classId: unknown
): Promise<AssignmentSummary[]> {
	const classRow = await requireClass(db, teacherId, classId);
	const rows = await db
		.selectFrom('assignments')
		.select(['lesson_id', 'due_date', 'created_at'])
		.where('class_id', '=', classRow.id)
		.execute();
	const titles = await lessonTitles(
		db,
		rows.map((row) => row.lesson_id)
	);
	return rows
		.map((row) => summarise(classRow.id, classRow.time_zone, row, titles))
		.sort(
			(a, b) =>
				(a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
				a.assignedAt.localeCompare(b.assignedAt) ||
				a.lessonId.localeCompare(b.lessonId)
		);
}

/**
 * Assigns one or more lessons to a class, all with the same due date (null: none). A lesson
 * already assigned keeps its assignment and gets the new due date.
 *
 * @param lessonIds one id or a list; each must name a lesson the teacher may use (shipped,
 *   shared, or their own)
 * @throws NotFoundError, ForbiddenError; ValidationError `invalid-lessons`, `unknown-lesson`,
 *   `invalid-due-date`
 */
export async function assignLessons(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonIds: unknown,
	dueDate: unknown = null,
	now: Date = new Date()
): Promise<AssignmentSummary[]> {
	const classRow = await requireClass(db, teacherId, classId);
	const ids = await lessonIdsOf(db, teacherId, lessonIds);
	const due = parseDueDate(dueDate);
	await db.transaction().execute(async (trx) => {
		for (const lessonId of ids) {
			await trx
				.insertInto('assignments')
				.values({
					class_id: classRow.id,
					lesson_id: lessonId,
					due_date: due,
					created_at: now.toISOString()
				})
				.onConflict((conflict) =>
					conflict.columns(['class_id', 'lesson_id']).doUpdateSet({ due_date: due })
				)
				.execute();
		}
	});
	const all = await listAssignments(db, teacherId, classRow.id);
	return all.filter((assignment) => ids.includes(assignment.lessonId));
}

/**
 * Changes (or with null removes) an assignment's due date.
 *
 * @throws NotFoundError (class, or `assignment-not-found`), ForbiddenError, ValidationError
 */
export async function setDueDate(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown,
	dueDate: unknown
): Promise<AssignmentSummary> {
	const classRow = await requireClass(db, teacherId, classId);
	const due = parseDueDate(dueDate);
	const row =
		typeof lessonId === 'string'
			? await db
					.updateTable('assignments')
					.set({ due_date: due })
					.where('class_id', '=', classRow.id)
					.where('lesson_id', '=', lessonId)
					.returning(['lesson_id', 'due_date', 'created_at'])
					.executeTakeFirst()
			: undefined;
	if (!row) throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	return summarise(classRow.id, classRow.time_zone, row, await lessonTitles(db, [row.lesson_id]));
}

/**
 * Takes a lesson off a class. Answers already given stay with their students (and show again if
 * the lesson is assigned again); devices stop being able to send new ones for it.
 *
 * @throws NotFoundError (class, or `assignment-not-found`), ForbiddenError
 */
export async function unassignLesson(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown
): Promise<void> {
	const classRow = await requireClass(db, teacherId, classId);
	const result =
		typeof lessonId === 'string'
			? await db
					.deleteFrom('assignments')
					.where('class_id', '=', classRow.id)
					.where('lesson_id', '=', lessonId)
					.executeTakeFirst()
			: undefined;
	if (!result || Number(result.numDeletedRows) === 0) {
		throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	}
}
