/**
 * The outbox: answers waiting on the device to reach the teacher's server. Each item keeps the
 * student it was given under and goes with that student's token, to that student's class, even
 * after the phone has joined another class. An item leaves the outbox only when the server has
 * given a result for its id; a dropped connection, a server error or a refused token leaves it in
 * place for the next try, and a refused one is reported (never dropped).
 *
 * Uses only IndexedDB, fetch, Web Locks and BroadcastChannel, so both the page and the service
 * worker (Background Sync) run it; the lock makes them take turns, so an answer is never in two
 * requests at once, and the channel tells every open page that the outbox changed.
 */
import { deviceDb, type Identity, type KnownIdentity, type OutboxItem } from './device-db';

/** Items per request; the server takes at most 200. */
const BATCH = 100;
const LOCK = 'qiraa-outbox';
const CHANNEL = 'qiraa-outbox';

/** Answers waiting under an identity the server no longer accepts (a removed student, say). */
export interface Stuck {
	studentId: string;
	className: string;
	count: number;
	/** The server said the teacher removed the student from the class. */
	removed: boolean;
}

export interface SendOutcome {
	/**
	 * `sent`: everything that could go went (see `stuck`); `no-identity`: the answers wait for a
	 * class to be joined; `offline`: no connection; `refused`: the server no longer accepts the
	 * current identity's token; `removed`: the teacher removed the current student from the class
	 * (410 `removed`); `failed`: the server answered with an error.
	 */
	status: 'sent' | 'no-identity' | 'offline' | 'refused' | 'removed' | 'failed';
	sent: number;
	remaining: number;
	stuck: Stuck[];
}

interface ItemResult {
	id: string;
	status: 'stored' | 'duplicate' | 'rejected';
}

/** Everything waiting, whoever it belongs to. */
export async function pendingCount(): Promise<number> {
	return (await deviceDb()).count('outbox');
}

/** Answers waiting under `studentId`. */
export async function pendingFor(studentId: string): Promise<number> {
	const db = await deviceDb();
	return db.countFromIndex('outbox', 'byStudent', forStudent(studentId));
}

const forStudent = (studentId: string) => IDBKeyRange.bound([studentId, ''], [studentId, '\uffff']);

/**
 * Makes `identity` the one new answers are given under, and keeps the earlier ones whose answers
 * still wait (they go on being sent with their own tokens). A re-join of the same student brings
 * a new token for the answers waiting under the old one; answers given before any class was
 * joined are taken by this one.
 */
export async function adoptIdentity(identity: Identity): Promise<void> {
	const db = await deviceDb();
	const tx = db.transaction(['meta', 'identities', 'outbox'], 'readwrite');
	const writes: Promise<unknown>[] = [
		tx.objectStore('meta').put(identity, 'identity'),
		tx.objectStore('identities').put({ ...identity })
	];
	let cursor = await tx.objectStore('outbox').index('byTime').openCursor();
	while (cursor) {
		if (!cursor.value.studentId) {
			writes.push(cursor.update({ ...cursor.value, studentId: identity.studentId }));
		}
		cursor = await cursor.continue();
	}
	await Promise.all([...writes, tx.done]);
	announce();
}

/** Answers the student can no longer send, by the identity they were given under. */
export async function stuckAnswers(): Promise<Stuck[]> {
	const db = await deviceDb();
	const stuck: Stuck[] = [];
	for (const identity of await db.getAll('identities')) {
		if (!identity.refused) continue;
		const count = await pendingFor(identity.studentId);
		if (count > 0) stuck.push({ ...pick(identity), count, removed: identity.removed === true });
	}
	return stuck;
}

const pick = ({ studentId, className }: Identity) => ({ studentId, className });

/**
 * Calls `listener` when another page or the service worker has changed the outbox.
 * @returns a function that stops listening
 */
export function onOutboxChange(listener: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => listener();
	return () => channel.close();
}

function announce(): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage('changed');
	channel.close();
}

/**
 * Sends every waiting answer, each with the token of the student who gave it, oldest first,
 * batch by batch. One sender at a time per device: a page and the service worker that both see
 * the connection come back take turns (Web Locks, where the browser has them: not on a plain-http
 * LAN address, where no service worker runs either).
 */
export async function sendOutbox(fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
	const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
	const outcome = locks
		? ((await locks.request(LOCK, () => send(fetchImpl))) as SendOutcome)
		: await send(fetchImpl);
	if (outcome.sent > 0) announce();
	return outcome;
}

async function send(fetchImpl: typeof fetch): Promise<SendOutcome> {
	const db = await deviceDb();
	// Read together: a class joined between two reads was both not current and known, and its
	// token was forgotten as an earlier class's.
	const tx = db.transaction(['meta', 'identities']);
	const [current, identities] = await Promise.all([
		tx.objectStore('meta').get('identity') as Promise<Identity | undefined>,
		tx.objectStore('identities').getAll(),
		tx.done
	]);
	// The current student's answers first: they are the ones the student is looking at.
	identities.sort(
		(a, b) =>
			Number(b.studentId === current?.studentId) - Number(a.studentId === current?.studentId)
	);
	let sent = 0;
	let status: SendOutcome['status'] = 'sent';
	for (const identity of identities) {
		const isCurrent = identity.studentId === current?.studentId;
		// A removed student's answers are never taken: asking again only repeats the answer.
		if (identity.removed) {
			if (isCurrent) status = 'removed';
			continue;
		}
		const result = await sendFor(identity, fetchImpl);
		sent += result.sent;
		if (result.status === 'offline' || result.status === 'failed') {
			status = result.status;
			break;
		}
		if (result.status === 'refused' || result.status === 'removed') {
			if (isCurrent) status = result.status;
			await markRefused(identity, result.status === 'removed');
			continue;
		}
		await settle(identity.studentId);
	}
	const remaining = await db.count('outbox');
	if (status === 'sent' && !current) {
		const anonymous = remaining - (await db.countFromIndex('outbox', 'byStudent'));
		if (anonymous > 0) status = 'no-identity';
	}
	return { status, sent, remaining, stuck: await stuckAnswers() };
}

/**
 * After a student's answers were all taken: their token is accepted again, and an earlier class's
 * token is no longer kept on the device. Decided on what the device holds now, in one
 * transaction, since a join may have made that student current, or brought a new token, while
 * the answers were on their way.
 */
async function settle(studentId: string): Promise<void> {
	const db = await deviceDb();
	const tx = db.transaction(['meta', 'identities', 'outbox'], 'readwrite');
	const identities = tx.objectStore('identities');
	const [current, known, waiting] = await Promise.all([
		tx.objectStore('meta').get('identity') as Promise<Identity | undefined>,
		identities.get(studentId),
		tx.objectStore('outbox').index('byStudent').count(forStudent(studentId))
	]);
	if (known && current?.studentId !== studentId && waiting === 0) {
		await identities.delete(studentId);
	} else if (known?.refused) {
		await identities.put({ ...known, refused: false });
	}
	await tx.done;
}

/** Sends one student's waiting answers with their token. */
async function sendFor(
	identity: KnownIdentity,
	fetchImpl: typeof fetch
): Promise<{ status: 'sent' | 'offline' | 'refused' | 'removed' | 'failed'; sent: number }> {
	const db = await deviceDb();
	let sent = 0;
	for (;;) {
		const items: OutboxItem[] = await db.getAllFromIndex(
			'outbox',
			'byStudent',
			forStudent(identity.studentId),
			BATCH
		);
		if (items.length === 0) return { status: 'sent', sent };
		let response: Response;
		try {
			response = await fetchImpl('/api/sync', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${identity.token}` },
				body: JSON.stringify({
					attempts: items.map(({ id, lessonId, version, questionId, answer, answeredAt }) => ({
						id,
						lessonId,
						// The server grades against the version the student saw.
						lessonVersion: version,
						questionId,
						answer,
						answeredAt
					}))
				})
			});
		} catch {
			return { status: 'offline', sent };
		}
		if (!response.ok) {
			if (await isRemoved(response)) return { status: 'removed', sent };
			const refused = response.status === 401 || response.status === 403;
			return { status: refused ? 'refused' : 'failed', sent };
		}
		const { results } = (await response.json()) as { results: ItemResult[] };
		const answered = new Set(results.map((result) => result.id));
		const tx = db.transaction('outbox', 'readwrite');
		await Promise.all([
			...items.filter((item) => answered.has(item.id)).map((item) => tx.store.delete(item.id)),
			tx.done
		]);
		sent += answered.size;
		// A reply that answered none of the items would loop forever: stop and try later.
		if (answered.size === 0) return { status: 'failed', sent };
	}
}

/** Whether a response says the teacher removed the student (410 `{ code: 'removed' }`). */
export async function isRemoved(response: Response): Promise<boolean> {
	if (response.status !== 410) return false;
	const body = (await response.json().catch(() => ({}))) as { code?: unknown };
	return body.code === 'removed';
}

/**
 * Marks an identity as no longer accepted (and, when `removed`, as removed by the teacher); its
 * answers stay in the outbox.
 */
export async function markRefused(identity: KnownIdentity, removed: boolean): Promise<void> {
	const db = await deviceDb();
	const known = (await db.get('identities', identity.studentId)) ?? identity;
	if (known.refused && (!removed || known.removed)) return;
	await db.put('identities', { ...known, refused: true, removed: removed || known.removed });
	announce();
}

/** The answers waiting under `studentId`, oldest first: what a removed student can save. */
export async function waitingAnswers(studentId: string): Promise<OutboxItem[]> {
	const db = await deviceDb();
	return db.getAllFromIndex('outbox', 'byStudent', forStudent(studentId));
}
