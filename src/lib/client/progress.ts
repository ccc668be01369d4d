/**
 * Lesson progress on the device. Saving an answer writes the progress and the outbox item in one
 * IndexedDB transaction, so an answer is either kept for both the student and the teacher or
 * (on a failed write, which the caller shows) for neither. What the server holds of the
 * student's answers (after a re-join on a new phone) is folded back in, so a lesson opens where
 * the student left it and a redone answer is not taken for a first try.
 */
import { parseAnswer } from '$lib/quiz/answer';
import type { Grade } from '$lib/quiz/grade';
import { deviceDb, type LessonProgress, type OutboxItem, type QuestionRecord } from './device-db';

export type { LessonProgress, QuestionRecord };

/** Tries before the answer is shown. */
export const MAX_TRIES = 2;

/** The stored progress of a lesson, without records that no longer parse. */
export async function loadProgress(lessonId: string): Promise<LessonProgress | undefined> {
	const db = await deviceDb();
	const stored = await db.get('progress', lessonId);
	return stored && clean(stored);
}

/** Progress of every lesson on this device, for the library. */
export async function allProgress(): Promise<LessonProgress[]> {
	const db = await deviceDb();
	return (await db.getAll('progress')).map(clean);
}

/**
 * Saves a lesson's progress and queues the answer for the teacher, atomically, under the student
 * the device belongs to at this moment (the outbox sends it as them, whatever happens later).
 * Pass plain objects (`$state.snapshot`): IndexedDB cannot store reactive proxies.
 */
export async function saveAnswer(
	progress: LessonProgress,
	item: Omit<OutboxItem, 'studentId'>
): Promise<void> {
	const db = await deviceDb();
	const tx = db.transaction(['progress', 'outbox', 'meta'], 'readwrite');
	const identity = (await tx.objectStore('meta').get('identity')) as
		{ studentId?: string } | undefined;
	const queued: OutboxItem = identity?.studentId
		? { ...item, studentId: identity.studentId }
		: item;
	await Promise.all([
		tx.objectStore('progress').put(progress),
		tx.objectStore('outbox').put(queued),
		tx.done
	]);
}

/** One lesson of `GET /api/me/answers`: the server's answers, per question, as the device keeps them. */
export interface ServerLesson {
	lessonId: string;
	version: string;
	questions: Record<string, unknown>;
}

/** The reply format this code reads; another is ignored. */
export const ANSWERS_FORMAT = 1;

/**
 * A lesson's progress with the server's answers folded in: a question the device lacks, or for
 * which the server holds more tries (given on another phone), takes the server's record; one the
 * device has at least as many tries for (some perhaps still in the outbox) keeps its own.
 *
 * A lesson the student started again on this device takes nothing from the server.
 *
 * @returns the new progress, or undefined when the server adds nothing
 */
export function mergeProgress(
	local: LessonProgress | undefined,
	server: ServerLesson,
	now: string
): LessonProgress | undefined {
	if (local?.resetAt) return undefined;
	const questions = { ...local?.questions };
	let changed = false;
	for (const [id, raw] of Object.entries(server.questions)) {
		const record = serverRecord(raw);
		if (!record || (questions[id]?.tries ?? 0) >= record.tries) continue;
		questions[id] = record;
		changed = true;
	}
	if (!changed) return undefined;
	return {
		lessonId: server.lessonId,
		version: local?.version ?? server.version,
		questions,
		updatedAt: now
	};
}

function serverRecord(raw: unknown): QuestionRecord | undefined {
	const value = raw as Partial<Record<keyof QuestionRecord, unknown>> | null;
	const answer = parseAnswer(value?.answer);
	const grade = readGrade(value?.grade);
	const firstGrade = readGrade(value?.firstGrade);
	const tries = value?.tries;
	if (!answer || !grade || !firstGrade || typeof tries !== 'number' || !(tries >= 1)) {
		return undefined;
	}
	return {
		answer,
		tries: Math.floor(tries),
		grade,
		firstGrade,
		revealed: !grade.correct && tries >= MAX_TRIES,
		at: typeof value?.at === 'string' ? value.at : new Date(0).toISOString()
	};
}

function readGrade(raw: unknown): Grade | undefined {
	const grade = raw as { correct?: unknown; score?: unknown } | null;
	if (typeof grade?.correct !== 'boolean' || typeof grade.score !== 'number') return undefined;
	return { correct: grade.correct, score: grade.score };
}

/**
 * Folds the server's answers (`GET /api/me/answers`) into the device's progress.
 * @returns how many lessons changed
 */
export async function restoreProgress(reply: unknown): Promise<number> {
	const body = reply as { format?: unknown; lessons?: unknown } | null;
	if (body?.format !== ANSWERS_FORMAT || !Array.isArray(body.lessons)) return 0;
	const lessons = (body.lessons as Partial<ServerLesson>[]).filter(
		(lesson): lesson is ServerLesson =>
			typeof lesson?.lessonId === 'string' &&
			typeof lesson.version === 'string' &&
			typeof lesson.questions === 'object' &&
			lesson.questions !== null
	);
	const db = await deviceDb();
	const tx = db.transaction('progress', 'readwrite');
	let changed = 0;
	for (const lesson of lessons) {
		const stored = await tx.store.get(lesson.lessonId);
		const merged = mergeProgress(stored && clean(stored), lesson, timestamp());
		if (!merged) continue;
		await tx.store.put(merged);
		changed++;
	}
	await tx.done;
	return changed;
}

/**
 * Forgets a lesson's answers on this device, and remembers that the student started again, so the
 * server's answers are not brought back into it; answers already queued still reach the teacher.
 * @returns the empty progress saved
 */
export async function resetProgress(lessonId: string, version: string): Promise<LessonProgress> {
	const db = await deviceDb();
	const now = timestamp();
	const progress: LessonProgress = {
		lessonId,
		version,
		questions: {},
		updatedAt: now,
		resetAt: now
	};
	await db.put('progress', progress);
	return progress;
}

function clean(progress: LessonProgress): LessonProgress {
	const questions: Record<string, QuestionRecord> = {};
	for (const [id, record] of Object.entries(progress.questions ?? {})) {
		const answer = parseAnswer(record?.answer);
		if (answer && record.grade && typeof record.tries === 'number') {
			questions[id] = { ...record, answer };
		}
	}
	return { ...progress, questions };
}

/** Now, by the device clock, as stored with answers (the server decides what counts as late). */
export function timestamp(): string {
	return new Date().toISOString();
}
