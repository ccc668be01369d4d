/**
 * Sends the outbox to the server and removes what the server has answered for. Uses only
 * IndexedDB and fetch, so both the page and the service worker (Background Sync) run it.
 * An item leaves the outbox only when the server has given a result for its id; a dropped
 * connection, a server error or a refused token leaves everything in place for the next try.
 */
import { deviceDb, type Identity, type OutboxItem } from './device-db';

/** Items per request; the server takes at most 200. */
const BATCH = 100;

export type SendOutcome =
	| { status: 'sent'; sent: number; remaining: number }
	| { status: 'no-identity' | 'offline' | 'refused' | 'failed'; sent: number; remaining: number };

interface ItemResult {
	id: string;
	status: 'stored' | 'duplicate' | 'rejected';
}

export async function pendingCount(): Promise<number> {
	return (await deviceDb()).count('outbox');
}

async function identity(): Promise<Identity | undefined> {
	return (await (await deviceDb()).get('meta', 'identity')) as Identity | undefined;
}

/** Sends every waiting answer, oldest first, batch by batch. */
export async function sendOutbox(fetchImpl: typeof fetch = fetch): Promise<SendOutcome> {
	const db = await deviceDb();
	const student = await identity();
	let sent = 0;
	if (!student) return { status: 'no-identity', sent, remaining: await db.count('outbox') };
	for (;;) {
		const items: OutboxItem[] = await db.getAllFromIndex('outbox', 'byTime', null, BATCH);
		if (items.length === 0) return { status: 'sent', sent, remaining: 0 };
		let response: Response;
		try {
			response = await fetchImpl('/api/sync', {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${student.token}` },
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
			return { status: 'offline', sent, remaining: await db.count('outbox') };
		}
		if (!response.ok) {
			const status = response.status === 401 || response.status === 403 ? 'refused' : 'failed';
			return { status, sent, remaining: await db.count('outbox') };
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
		if (answered.size === 0) return { status: 'failed', sent, remaining: await db.count('outbox') };
	}
}
