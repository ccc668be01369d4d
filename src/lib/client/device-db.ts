/**
 * The device's own database (IndexedDB through `idb`): lesson progress and the outbox of answers
 * waiting for the server. Browser-only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Answer, Grade } from '$lib/quiz';

/** One question's state on this device. */
export interface QuestionRecord {
	answer: Answer;
	/** How many times the student pressed Check. */
	tries: number;
	grade: Grade;
	/** The grade of the first check: the one a teacher sees. */
	firstGrade: Grade;
	/** The answer key is shown after the second wrong try. */
	revealed: boolean;
	/** When it was last checked, by the device clock (ISO). */
	at: string;
}

export interface LessonProgress {
	lessonId: string;
	/** The lesson version the answers were given to. */
	version: string;
	questions: Record<string, QuestionRecord>;
	updatedAt: string;
}

/** An answer waiting to reach the server; its id makes a resend harmless. */
export interface OutboxItem {
	id: string;
	lessonId: string;
	version: string;
	questionId: string;
	answer: Answer;
	answeredAt: string;
}

interface QiraaDB extends DBSchema {
	progress: { key: string; value: LessonProgress };
	outbox: { key: string; value: OutboxItem; indexes: { byTime: string } };
}

const NAME = 'qiraa';
const VERSION = 1;

let opening: Promise<IDBPDatabase<QiraaDB>> | undefined;

/** Opens the database once per page; an old tab blocking an upgrade is asked to let go. */
export function deviceDb(): Promise<IDBPDatabase<QiraaDB>> {
	opening ??= openDB<QiraaDB>(NAME, VERSION, {
		upgrade(db) {
			if (!db.objectStoreNames.contains('progress')) {
				db.createObjectStore('progress', { keyPath: 'lessonId' });
			}
			if (!db.objectStoreNames.contains('outbox')) {
				const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
				outbox.createIndex('byTime', 'answeredAt');
			}
		},
		blocking() {
			// A newer version of the app wants to upgrade: close so it can, and reopen lazily.
			void opening?.then((db) => db.close());
			opening = undefined;
		}
	});
	return opening;
}
