/**
 * Getting back into an account and changing its password: a signed-in teacher changes theirs;
 * a teacher who forgot it gets a one-time link, valid for an hour, from the operator
 * (`npm run admin -- reset-password <email>`) or by e-mail where the server can send mail.
 *
 * A link's token is random (32 bytes) and stored only as its SHA-256, like a session id. It works
 * once: using it deletes it in the same statement that checks it, so two tabs cannot both use it.
 * A new password, set either way, ends the account's other sessions and outstanding links.
 */
import type { Db } from './db/database';
import {
	hashPassword,
	normaliseEmail,
	requireGoodPassword,
	verifyPassword,
	type TeacherAccount
} from './auth';
import { RateLimitError, UnauthorizedError } from './errors';
import { hit } from './ratelimit';
import { hashToken, isTokenShaped, newToken } from './tokens';

/** How long a reset link works. */
export const RESET_MS = 60 * 60 * 1000;

/** A new reset link's token (show it only to the account's owner) and when it stops working. */
export interface ResetToken {
	token: string;
	expiresAt: Date;
	teacher: TeacherAccount;
}

const invalidLink = () =>
	new UnauthorizedError('reset-link-invalid', 'This link has expired or was used already.');

/** The path of a reset link's page, without the UI language's prefix. */
export const resetPath = (token: string) => `/teach/reset/${token}`;

/**
 * Makes a one-time reset link's token for the account with this e-mail address, replacing any
 * earlier one (only the newest link works).
 *
 * @returns null when no account has this address
 */
export async function createResetToken(
	db: Db,
	email: string,
	now: Date = new Date()
): Promise<ResetToken | null> {
	const teacher = await db
		.selectFrom('teachers')
		.select(['id', 'email', 'name'])
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	if (!teacher) return null;
	const token = newToken();
	const expiresAt = new Date(now.getTime() + RESET_MS);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('password_resets').where('teacher_id', '=', teacher.id).execute();
		// Finished links of other accounts go too, so the table holds only live ones.
		await trx.deleteFrom('password_resets').where('expires_at', '<=', now.toISOString()).execute();
		await trx
			.insertInto('password_resets')
			.values({
				token_hash: hashToken(token),
				teacher_id: teacher.id,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString()
			})
			.execute();
	});
	return { token, expiresAt, teacher };
}

/**
 * The account a reset link is for, while it works (for the page to show whose password it sets).
 *
 * @returns null for a malformed, unknown, used or expired token
 */
export async function resetLinkAccount(
	db: Db,
	token: unknown,
	now: Date = new Date()
): Promise<TeacherAccount | null> {
	if (!isTokenShaped(token)) return null;
	const row = await db
		.selectFrom('password_resets')
		.innerJoin('teachers', 'teachers.id', 'password_resets.teacher_id')
		.select(['teachers.id', 'teachers.email', 'teachers.name'])
		.where('password_resets.token_hash', '=', hashToken(token))
		.where('password_resets.expires_at', '>', now.toISOString())
		.executeTakeFirst();
	return row ?? null;
}

// Sets the new hash and ends every session but `keepSession`'s, and every outstanding link.
async function replacePassword(db: Db, teacherId: string, hash: string, keepSession?: string) {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('teachers')
			.set({ password_hash: hash })
			.where('id', '=', teacherId)
			.execute();
		let sessions = trx.deleteFrom('sessions').where('teacher_id', '=', teacherId);
		if (keepSession !== undefined) sessions = sessions.where('id_hash', '!=', keepSession);
		await sessions.execute();
		await trx.deleteFrom('password_resets').where('teacher_id', '=', teacherId).execute();
	});
}

/**
 * Sets a new password with a reset link, using the link up, and ends every session of the
 * account (sign in afresh with `createSession`).
 *
 * @throws ValidationError `password-too-short`, `password-too-long`, `password-too-weak` (the
 *   link still works then); UnauthorizedError `reset-link-invalid` for a malformed, unknown, used
 *   or expired link
 */
export async function resetPassword(
	db: Db,
	input: { token: unknown; password: unknown },
	now: Date = new Date()
): Promise<TeacherAccount> {
	const account = await resetLinkAccount(db, input.token, now);
	if (account === null || !isTokenShaped(input.token)) throw invalidLink();
	const password = requireGoodPassword(input.password, account.email, account.name);
	const hash = await hashPassword(password);
	// Deleting the link is what proves it was still unused: of two requests with it, one deletes
	// it and the other finds nothing to delete.
	const used = await db
		.deleteFrom('password_resets')
		.where('token_hash', '=', hashToken(input.token))
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
	if (Number(used.numDeletedRows) !== 1) throw invalidLink();
	await replacePassword(db, account.id, hash);
	return account;
}

/**
 * Changes a signed-in teacher's password, after checking the current one (10 tries in 15 minutes),
 * and ends the account's other sessions: a device someone else signed in on is signed out.
 *
 * @param input.session the cookie's token of the session to keep
 * @throws RateLimitError; UnauthorizedError `wrong-password`; ValidationError
 *   `password-too-short`, `password-too-long`, `password-too-weak`
 */
export async function changePassword(
	db: Db,
	teacherId: string,
	input: { current: unknown; password: unknown; session?: string },
	now: Date = new Date()
): Promise<void> {
	const status = await hit(db, 'password-change', teacherId, now.getTime());
	if (!status.allowed) throw new RateLimitError(status.retryAfterSeconds);
	const row = await db
		.selectFrom('teachers')
		.select(['email', 'name', 'password_hash'])
		.where('id', '=', teacherId)
		.executeTakeFirstOrThrow();
	const current = typeof input.current === 'string' ? input.current : '';
	if (current.length === 0 || !(await verifyPassword(current, row.password_hash))) {
		throw new UnauthorizedError('wrong-password', 'The current password is wrong.');
	}
	const password = requireGoodPassword(input.password, row.email, row.name);
	const keep = isTokenShaped(input.session) ? hashToken(input.session) : undefined;
	await replacePassword(db, teacherId, await hashPassword(password), keep);
}

/** What `requestResetMail` needs to send a link: see mail.ts. */
export type SendResetMail = (message: {
	to: string;
	path: string;
	expiresAt: Date;
}) => Promise<void>;

/**
 * The "forgot password" form: e-mails a reset link to the address if it has an account, and
 * answers the same either way. Limited per IP (10 an hour) and per address (3 an hour), so the
 * form cannot flood an inbox.
 *
 * @param send delivers the message (mail.ts); the path is the link's, without origin or language
 * @throws RateLimitError; ValidationError `invalid-email`
 */
export async function requestResetMail(
	db: Db,
	input: { email: unknown; ip: string },
	send: SendResetMail,
	now: Date = new Date()
): Promise<void> {
	const email = normaliseEmail(input.email);
	for (const [action, key] of [
		['reset-ip', input.ip],
		['reset-email', email]
	] as const) {
		const status = await hit(db, action, key, now.getTime());
		if (!status.allowed) throw new RateLimitError(status.retryAfterSeconds);
	}
	const reset = await createResetToken(db, email, now);
	if (reset === null) return;
	await send({ to: reset.teacher.email, path: resetPath(reset.token), expiresAt: reset.expiresAt });
}
