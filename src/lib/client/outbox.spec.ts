/**
 * The outbox's rules on a real IndexedDB implementation (fake-indexeddb, in memory, fresh per
 * test): each answer goes with the token of the student who gave it, whatever class the phone
 * joined since; nothing leaves without the server's word; a refused token is reported, never
 * dropped; an older device database keeps its waiting answers through the upgrade.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identity, OutboxItem } from './device-db';

const CLASS_A: Identity = {
	studentId: 'student-a',
	token: 'token-a',
	name: 'Layla',
	classId: 'class-a',
	className: 'Class A'
};
const CLASS_B: Identity = {
	studentId: 'student-b',
	token: 'token-b',
	name: 'Layla',
	classId: 'class-b',
	className: 'Class B'
};

let clock = 0;

/** An answer as the lesson page queues it, a second after the one before. */
function item(questionId: string): Omit<OutboxItem, 'studentId'> {
	clock++;
	return {
		id: `00000000-0000-4000-8000-${String(clock).padStart(12, '0')}`,
		lessonId: 'lesson',
		version: 'v1',
		questionId,
		answer: { type: 'choice', choice: 0 },
		answeredAt: new Date(Date.UTC(2030, 0, 1, 0, 0, clock)).toISOString()
	};
}

interface Post {
	token: string;
	questions: string[];
}

/**
 * A server that stores everything, except for the tokens in `refuse` (401) or while `down`
 * (the network error a phone sees offline). Records each request.
 */
function server(options: { refuse?: string[]; remove?: string[]; down?: boolean } = {}) {
	const posts: Post[] = [];
	const fetch = vi.fn(async (_url: string, init: RequestInit) => {
		if (options.down) throw new TypeError('Failed to fetch');
		const token = new Headers(init.headers).get('authorization')!.replace('Bearer ', '');
		const { attempts } = JSON.parse(init.body as string) as {
			attempts: { id: string; questionId: string }[];
		};
		posts.push({ token, questions: attempts.map((a) => a.questionId) });
		if (options.refuse?.includes(token)) {
			return new Response(JSON.stringify({ code: 'invalid-token' }), { status: 401 });
		}
		if (options.remove?.includes(token)) {
			return new Response(JSON.stringify({ code: 'removed' }), { status: 410 });
		}
		const results = attempts.map((a) => ({ id: a.id, status: 'stored' }));
		return new Response(JSON.stringify({ results }), { status: 200 });
	});
	return { posts, fetch: fetch as unknown as typeof globalThis.fetch, options };
}

/** Fresh modules over a fresh database (the device database is opened once per module). */
async function modules() {
	const outbox = await import('./outbox');
	const progress = await import('./progress');
	const { deviceDb } = await import('./device-db');
	return { ...outbox, ...progress, deviceDb };
}

/** Answers `questions` under whoever the device belongs to now, as the lesson page does. */
async function answer(saveAnswer: Save, ...questions: string[]) {
	for (const questionId of questions) {
		const progress = { lessonId: 'lesson', version: 'v1', questions: {}, updatedAt: '' };
		await saveAnswer(progress, item(questionId));
	}
}

type Save = typeof import('./progress').saveAnswer;

beforeEach(() => {
	vi.stubGlobal('indexedDB', new IDBFactory());
	vi.resetModules();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the outbox', () => {
	it('sends answers given for class A to class A after the phone joined class B', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, pendingFor } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1', 'a2');
		await adoptIdentity(CLASS_B);
		await answer(saveAnswer, 'b1');
		expect(await pendingFor(CLASS_A.studentId)).toBe(2);

		const { posts, fetch } = server();
		const outcome = await sendOutbox(fetch);
		expect(outcome).toEqual({ status: 'sent', sent: 3, remaining: 0, stuck: [] });
		// The current class first; each answer once, with its own student's token.
		expect(posts).toEqual([
			{ token: 'token-b', questions: ['b1'] },
			{ token: 'token-a', questions: ['a1', 'a2'] }
		]);
	});

	it('forgets an earlier class’s token once its answers are all sent, and keeps the current one', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, deviceDb } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		await adoptIdentity(CLASS_B);
		const db = await deviceDb();
		expect((await db.getAllKeys('identities')).sort()).toEqual(['student-a', 'student-b']);
		await sendOutbox(server().fetch);
		expect(await db.getAllKeys('identities')).toEqual(['student-b']);
	});

	it('keeps the token of a class joined while a send was under way', async () => {
		// The app's first send starts as the page opens; the student taps "Join" meanwhile.
		const { adoptIdentity, saveAnswer, sendOutbox, deviceDb } = await modules();
		await deviceDb();
		const sending = sendOutbox(server().fetch);
		await adoptIdentity(CLASS_A);
		await sending;
		const db = await deviceDb();
		expect(await db.getAllKeys('identities')).toEqual(['student-a']);

		// So what the student answers next goes to the class (it once stayed on the phone).
		await answer(saveAnswer, 'a1');
		const { posts, fetch } = server();
		expect(await sendOutbox(fetch)).toMatchObject({ status: 'sent', sent: 1, remaining: 0 });
		expect(posts).toEqual([{ token: 'token-a', questions: ['a1'] }]);
	});

	it('keeps an earlier class’s token that the same student re-joined with while a send was under way', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, deviceDb } = await modules();
		await adoptIdentity(CLASS_A);
		await adoptIdentity(CLASS_B);
		const sending = sendOutbox(server().fetch);
		// Back to class A (a re-join brings a new token) while the send is under way.
		await adoptIdentity({ ...CLASS_A, token: 'token-a2' });
		await sending;
		const db = await deviceDb();
		expect(await db.get('identities', 'student-a')).toMatchObject({ token: 'token-a2' });
		await answer(saveAnswer, 'a1');
		const { posts, fetch } = server();
		await sendOutbox(fetch);
		expect(posts).toEqual([{ token: 'token-a2', questions: ['a1'] }]);
	});

	it('keeps answers whose class refuses them, and says so, while others still go', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, stuckAnswers } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1', 'a2');
		await adoptIdentity(CLASS_B);
		await answer(saveAnswer, 'b1');

		const removed = server({ refuse: ['token-a'] });
		const outcome = await sendOutbox(removed.fetch);
		const stuck = [{ studentId: 'student-a', className: 'Class A', count: 2, removed: false }];
		expect(outcome).toEqual({ status: 'sent', sent: 1, remaining: 2, stuck });
		expect(await stuckAnswers()).toEqual(stuck);
		// Tried again next time (a re-join may have given the student a new token); still kept.
		expect((await sendOutbox(removed.fetch)).remaining).toBe(2);
	});

	it('says "removed" when the teacher removed the student, keeps the answers, asks no more', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, stuckAnswers, waitingAnswers } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1', 'a2');
		const { posts, fetch } = server({ remove: ['token-a'] });
		const outcome = await sendOutbox(fetch);
		const stuck = [{ studentId: 'student-a', className: 'Class A', count: 2, removed: true }];
		expect(outcome).toEqual({ status: 'removed', sent: 0, remaining: 2, stuck });
		expect(await stuckAnswers()).toEqual(stuck);
		expect((await waitingAnswers('student-a')).map((a) => a.questionId)).toEqual(['a1', 'a2']);
		// Removal is final: the next send does not ask the server again, and drops nothing.
		expect(await sendOutbox(fetch)).toEqual(outcome);
		expect(posts).toHaveLength(1);
	});

	it('tells a removed earlier class from a refused one, and still sends the class joined now', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		await adoptIdentity(CLASS_B);
		await answer(saveAnswer, 'b1');
		const outcome = await sendOutbox(server({ remove: ['token-a'] }).fetch);
		expect(outcome).toEqual({
			status: 'sent',
			sent: 1,
			remaining: 1,
			stuck: [{ studentId: 'student-a', className: 'Class A', count: 1, removed: true }]
		});
	});

	it('marks the identity removed when told so outside a send (the home page’s refresh)', async () => {
		const { adoptIdentity, markRefused, isRemoved, stuckAnswers, saveAnswer } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		expect(await isRemoved(new Response('{"code":"removed"}', { status: 410 }))).toBe(true);
		expect(await isRemoved(new Response('{"code":"invalid-token"}', { status: 401 }))).toBe(false);
		expect(await isRemoved(new Response('not json', { status: 410 }))).toBe(false);
		await markRefused(CLASS_A, true);
		expect(await stuckAnswers()).toEqual([
			{ studentId: 'student-a', className: 'Class A', count: 1, removed: true }
		]);
	});

	it('says "refused" when the class joined now refuses the device', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		const outcome = await sendOutbox(server({ refuse: ['token-a'] }).fetch);
		expect(outcome).toMatchObject({ status: 'refused', sent: 0, remaining: 1 });
	});

	it('sends the waiting answers with the new token after the same student re-joins', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		await sendOutbox(server({ refuse: ['token-a'] }).fetch);
		await adoptIdentity({ ...CLASS_A, token: 'token-a2' });
		const { posts, fetch } = server({ refuse: ['token-a'] });
		expect(await sendOutbox(fetch)).toEqual({ status: 'sent', sent: 1, remaining: 0, stuck: [] });
		expect(posts).toEqual([{ token: 'token-a2', questions: ['a1'] }]);
	});

	it('holds answers given before any class was joined until one is, then sends them there', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox } = await modules();
		await answer(saveAnswer, 'p1');
		const { posts, fetch } = server();
		expect(await sendOutbox(fetch)).toMatchObject({ status: 'no-identity', remaining: 1 });
		expect(posts).toEqual([]);
		await adoptIdentity(CLASS_A);
		await adoptIdentity(CLASS_B);
		await sendOutbox(fetch);
		expect(posts).toEqual([{ token: 'token-a', questions: ['p1'] }]);
	});

	it('keeps everything when the network is down', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, pendingCount } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1', 'a2');
		expect(await sendOutbox(server({ down: true }).fetch)).toMatchObject({
			status: 'offline',
			sent: 0,
			remaining: 2
		});
		expect(await pendingCount()).toBe(2);
	});

	it('lets two senders take turns, so an answer is never in two requests', async () => {
		// The page and the service worker both see the connection come back.
		let queue = Promise.resolve();
		const locks = {
			request: (_name: string, task: () => Promise<unknown>) => {
				const run = queue.then(task);
				queue = run.then(
					() => undefined,
					() => undefined
				);
				return run;
			}
		};
		vi.stubGlobal('navigator', { locks });
		const { adoptIdentity, saveAnswer, sendOutbox } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1', 'a2', 'a3');
		const { posts, fetch } = server();
		const [page, worker] = await Promise.all([sendOutbox(fetch), sendOutbox(fetch)]);
		expect(posts).toEqual([{ token: 'token-a', questions: ['a1', 'a2', 'a3'] }]);
		expect([page.sent, worker.sent]).toEqual([3, 0]);
		expect(worker.remaining).toBe(0);
	});

	it('tells other pages when it has sent something', async () => {
		const { adoptIdentity, saveAnswer, sendOutbox, onOutboxChange } = await modules();
		await adoptIdentity(CLASS_A);
		await answer(saveAnswer, 'a1');
		const heard = new Promise<void>((resolve) => {
			const stop = onOutboxChange(() => {
				stop();
				resolve();
			});
		});
		await sendOutbox(server().fetch);
		await expect(heard).resolves.toBeUndefined();
	});
});

describe('upgrading a device database from version 2', () => {
	/** The database as version 2 of the app left it: one identity, answers with no student. */
	async function version2(items: Omit<OutboxItem, 'studentId'>[], identity?: Identity) {
		const open = indexedDB.open('qiraa', 2);
		open.onupgradeneeded = () => {
			const db = open.result;
			db.createObjectStore('progress', { keyPath: 'lessonId' });
			db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byTime', 'answeredAt');
			db.createObjectStore('meta');
		};
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tx = db.transaction(['outbox', 'meta'], 'readwrite');
		for (const queued of items) tx.objectStore('outbox').put(queued);
		if (identity) tx.objectStore('meta').put(identity, 'identity');
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	}

	it('gives the waiting answers to the identity of that moment, so they still go to its class', async () => {
		await version2([item('old1'), item('old2')], CLASS_A);
		const { adoptIdentity, sendOutbox, pendingFor, deviceDb } = await modules();
		expect((await deviceDb()).version).toBe(3);
		expect(await pendingFor(CLASS_A.studentId)).toBe(2);
		await adoptIdentity(CLASS_B);
		const { posts, fetch } = server();
		await sendOutbox(fetch);
		expect(posts).toEqual([{ token: 'token-a', questions: ['old1', 'old2'] }]);
	});

	it('keeps answers given before any class was joined for the first class joined', async () => {
		await version2([item('practice')]);
		const { adoptIdentity, sendOutbox, pendingCount } = await modules();
		expect(await pendingCount()).toBe(1);
		await adoptIdentity(CLASS_B);
		const { posts, fetch } = server();
		await sendOutbox(fetch);
		expect(posts).toEqual([{ token: 'token-b', questions: ['practice'] }]);
	});
});
