/**
 * Lesson progress on the device. Saving an answer writes the progress and the outbox item in one
 * IndexedDB transaction, so an answer is either kept for both the student and the teacher or
 * (on a failed write, which the caller shows) for neither.
 */
import { parseAnswer } from '$lib/quiz';
import { deviceDb, type LessonProgress, type OutboxItem, type QuestionRecord } from './device-db';

export type { LessonProgress, QuestionRecord };

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
 * Saves a lesson's progress and queues the answer for the teacher, atomically. Pass plain objects
 * (`$state.snapshot`): IndexedDB cannot store reactive proxies.
 */
export async function saveAnswer(progress: LessonProgress, item: OutboxItem): Promise<void> {
	const db = await deviceDb();
	const tx = db.transaction(['progress', 'outbox'], 'readwrite');
	await Promise.all([
		tx.objectStore('progress').put(progress),
		tx.objectStore('outbox').put(item),
		tx.done
	]);
}

/** Forgets a lesson's answers on this device; answers already queued still reach the teacher. */
export async function resetProgress(lessonId: string): Promise<void> {
	const db = await deviceDb();
	await db.delete('progress', lessonId);
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
