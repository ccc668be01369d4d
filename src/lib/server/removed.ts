/**
 * Devices of students a teacher removed (or whose class was deleted). The student's row and
 * answers are deleted at once; what stays is the hash of the device's token, so that the phone's
 * next sync is told `removed` (410) and can say so, keeping its unsent answers, instead of going
 * on saying everything was sent. Nothing stored names the student or the class.
 */
import type { Db } from './db/database';
import { hashToken, isTokenShaped } from './tokens';

/** How long a removed device is remembered: a school year and then some. */
export const REMOVED_KEPT_MS = 400 * 86_400_000;

/**
 * Remembers the devices of the students `students` selects (ids), inside the caller's
 * transaction, before their rows go. Forgets devices removed longer ago than `REMOVED_KEPT_MS`.
 */
export async function rememberRemoved(
	trx: Db,
	tokenHashes: string[],
	now: Date = new Date()
): Promise<void> {
	await trx
		.deleteFrom('removed_devices')
		.where('removed_at', '<', new Date(now.getTime() - REMOVED_KEPT_MS).toISOString())
		.execute();
	if (tokenHashes.length === 0) return;
	await trx
		.insertInto('removed_devices')
		.values(tokenHashes.map((hash) => ({ token_hash: hash, removed_at: now.toISOString() })))
		.onConflict((conflict) => conflict.column('token_hash').doNothing())
		.execute();
}

/** Whether `token` belonged to a student who was removed. */
export async function wasRemoved(db: Db, token: unknown): Promise<boolean> {
	if (!isTokenShaped(token)) return false;
	const row = await db
		.selectFrom('removed_devices')
		.select('token_hash')
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	return row !== undefined;
}
