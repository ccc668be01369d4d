/**
 * The device's own database (IndexedDB through `idb`): lesson progress, the outbox of answers
 * waiting for the server, and the identities those answers were given under. Browser-only, and
 * used by the service worker too (Background Sync sends the outbox).
 */
import {
	openDB,
	type DBSchema,
	type IDBPDatabase,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
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
	/**
	 * When the student chose to start the lesson again on this device: the answers the server
	 * holds from before do not come back into it.
	 */
	resetAt?: string;
}

/** An answer waiting to reach the server; its id makes a resend harmless. */
export interface OutboxItem {
	id: string;
	/**
	 * The student who gave it (see `identities`): it is sent with their token, to their class,
	 * whoever the phone belongs to by then. Missing for an answer given before any class was
	 * joined; the first class joined takes those.
	 */
	studentId?: string;
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

/**
 * An identity the outbox may still send as; `refused` once the server no longer knows its token,
 * `removed` (refused too) once it said the teacher removed the student: nothing is sent for it
 * again, and its waiting answers stay until the student saves them.
 */
export interface KnownIdentity extends Identity {
	refused?: boolean;
	removed?: boolean;
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
			title?: { ar: string; en: string } | null;
			dueDate: string | null;
			questionCount: number;
			answered: number;
		}[];
	}[];
}

interface QiraaDB extends DBSchema {
	progress: { key: string; value: LessonProgress };
	outbox: {
		key: string;
		value: OutboxItem;
		indexes: { byTime: string; byStudent: [string, string] };
	};
	/** Single records under fixed keys: 'identity' (the class joined now) and 'home'. */
	meta: { key: string; value: Identity | HomeCache };
	/**
	 * The identity joined now and every earlier one that still has answers waiting, by student id:
	 * the outbox sends each answer with its own student's token.
	 */
	identities: { key: string; value: KnownIdentity };
}

const NAME = 'qiraa';
/**
 * 1: progress and outbox; 2: meta (identity, home); 3: identities, and each outbox item names its
 * student (the items waiting at the upgrade were all given under the identity of that moment).
 */
export const DB_VERSION = 3;

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
	opening ??= openDB<QiraaDB>(NAME, DB_VERSION, {
		upgrade(db, oldVersion, _newVersion, transaction) {
			if (!db.objectStoreNames.contains('progress')) {
				db.createObjectStore('progress', { keyPath: 'lessonId' });
			}
			if (!db.objectStoreNames.contains('outbox')) {
				const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
				outbox.createIndex('byTime', 'answeredAt');
			}
			if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
			if (!db.objectStoreNames.contains('identities')) {
				db.createObjectStore('identities', { keyPath: 'studentId' });
			}
			const outbox = transaction.objectStore('outbox');
			// Oldest first within one student; items with no student are left out of it.
			if (!outbox.indexNames.contains('byStudent')) {
				outbox.createIndex('byStudent', ['studentId', 'answeredAt']);
			}
			// A failed request aborts the upgrade's transaction, and with it the opening.
			if (oldVersion > 0 && oldVersion < 3) void adoptWaitingItems(transaction);
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

/**
 * Upgrading from version 2: the answers waiting then were given under the identity joined then
 * (a device kept one), so they are stamped with it and keep going to that class after the student
 * joins another. Only IndexedDB requests are awaited, so the upgrade's transaction stays open.
 */
async function adoptWaitingItems(
	transaction: IDBPTransaction<QiraaDB, StoreNames<QiraaDB>[], 'versionchange'>
): Promise<void> {
	const identity = (await transaction.objectStore('meta').get('identity')) as Identity | undefined;
	if (!identity?.studentId || !identity.token) return;
	await transaction.objectStore('identities').put(identity);
	let cursor = await transaction.objectStore('outbox').openCursor();
	while (cursor) {
		if (!cursor.value.studentId)
			await cursor.update({ ...cursor.value, studentId: identity.studentId });
		cursor = await cursor.continue();
	}
}
