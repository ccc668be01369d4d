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

/** The class this device joined: the token is the student's only credential, kept secret. */
export interface Identity {
	studentId: string;
	token: string;
	name: string;
	classId: string;
	className: string;
}

/** The student's home (classes and assignments) as last fetched, for offline use. */
export interface HomeCache {
	fetchedAt: string;
	classes: {
		id: string;
		name: string;
		assignments: {
			lessonId: string;
			/** The lesson's version and title as the server last said (older caches lack them). */
			version?: string;
			title?: { ar: string; en: string };
			dueDate: string | null;
			questionCount: number;
			answered: number;
		}[];
	}[];
}

interface QiraaDB extends DBSchema {
	progress: { key: string; value: LessonProgress };
	outbox: { key: string; value: OutboxItem; indexes: { byTime: string } };
	/** Single records under fixed keys: 'identity' and 'home'. */
	meta: { key: string; value: Identity | HomeCache };
}

const NAME = 'qiraa';
/** 1: progress and outbox; 2: meta (identity, home). */
const VERSION = 2;

let opening: Promise<IDBPDatabase<QiraaDB>> | undefined;
let outdated: (() => void) | undefined;

/**
 * Tells `listener` when a newer version of the app, in another tab, upgrades the database: this
 * page has let go of it so the upgrade can go ahead, and can save nothing more until it reloads
 * (its code is older than the database; opening it again fails with a `VersionError`).
 */
export function onOutdated(listener: () => void): void {
	outdated = listener;
}

/** Opens the database once per page; an old tab blocking an upgrade lets go and says so. */
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
			if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
		},
		blocking() {
			// Transactions already started finish first: nothing written so far is lost.
			void opening?.then((db) => db.close());
			opening = undefined;
			outdated?.();
		}
	}).catch((error: unknown) => {
		// Try again on the next call (after a reload, the newer code opens it at its version).
		opening = undefined;
		throw error;
	});
	return opening;
}
