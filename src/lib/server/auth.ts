/**
 * Teachers' accounts and sessions.
 *
 * Passwords: at least 8 characters and hard to guess by zxcvbn's estimate (password-strength.ts),
 * no composition rules (NIST SP 800-63B); hashed with scrypt from node:crypto at OWASP's minimum
 * cost, the parameters stored with the hash so that a sign-in upgrades an older, cheaper hash.
 *
 * Sessions: the cookie holds an opaque random id; the database holds only its SHA-256, so a copy
 * of the database opens no session. They last 30 days from the last use, get a new id at every
 * sign-in (no fixation) and are deleted at sign-out.
 */
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/database';
import {
	ConflictError,
	RateLimitError,
	RefusedError,
	UnauthorizedError,
	ValidationError
} from './errors';
import { CLASS_NAME_MAX, cleanName } from './names';
import { clear, hit, RATE_RULES } from './ratelimit';
import { strongEnough } from './password-strength';
import { hashToken, isTokenShaped, newToken } from './tokens';

/** The name of the teacher's session cookie. */
export const SESSION_COOKIE = 'qiraa_session';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session lasts this long after its last use. */
export const SESSION_MS = 30 * DAY_MS;

// Extending the expiry on every request would write on every page view; once a day is enough
// for a 30-day window.
const REFRESH_AFTER_MS = DAY_MS;

export const PASSWORD_MIN_LENGTH = 8;

// scrypt's cost does not grow with the input, but there is no reason to accept a novel.
export const PASSWORD_MAX_LENGTH = 1024;

const EMAIL_MAX_LENGTH = 254;

// OWASP's minimum for scrypt (N=2^17, r=8, p=1): 128 MiB and about half a second per hash on a
// laptop. Node runs scrypt on its thread pool (4 threads unless UV_THREADPOOL_SIZE says more), so
// at most 4 hashes, 512 MiB, are in memory at once however many sign-ins arrive.
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** A teacher as the app sees one. */
export interface TeacherAccount {
	id: string;
	email: string;
	name: string;
}

/** A new session: the cookie's value (show it to nobody else) and when it ends. */
export interface NewSession {
	token: string;
	expiresAt: Date;
}

// ---- passwords ------------------------------------------------------------------------------

// NFKC so the same password typed on two keyboards (composed or decomposed letters, full-width
// digits) is the same password.
const normalisePassword = (password: string) => password.normalize('NFKC');

/**
 * Checks a new password against the rules: 8 to 1024 characters, and hard to guess (zxcvbn score
 * 3 or more, with the account's e-mail address and name counted as known to a guesser). Nothing
 * about character classes.
 *
 * @returns null when acceptable, else a reason code: `password-too-short`, `password-too-long`,
 *   `password-too-weak`
 */
export function passwordProblem(password: string, email?: string, name?: string): string | null {
	const normalised = normalisePassword(password);
	const length = [...normalised].length;
	if (length < PASSWORD_MIN_LENGTH) return 'password-too-short';
	if (length > PASSWORD_MAX_LENGTH) return 'password-too-long';
	const known = [email, name].filter((input): input is string => !!input?.trim());
	const lower = normalised.toLowerCase();
	if (known.some((input) => lower === input.trim().toLowerCase())) return 'password-too-weak';
	if (!strongEnough(normalised, known)) return 'password-too-weak';
	return null;
}

const PASSWORD_MESSAGES: Record<string, string> = {
	'password-too-short': `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
	'password-too-long': `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
	'password-too-weak': 'This password is too easy to guess. Choose another one.'
};

/**
 * Refuses a new password that breaks the rules (`passwordProblem`).
 *
 * @throws ValidationError `password-too-short`, `password-too-long`, `password-too-weak`
 */
export function requireGoodPassword(password: unknown, email?: string, name?: string): string {
	if (typeof password !== 'string') {
		throw new ValidationError('password-too-short', PASSWORD_MESSAGES['password-too-short']!);
	}
	const problem = passwordProblem(password, email, name);
	if (problem !== null) throw new ValidationError(problem, PASSWORD_MESSAGES[problem]!);
	return password;
}

function deriveKey(
	password: string,
	salt: Buffer,
	params: { N: number; r: number; p: number },
	keyLength: number
): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		// maxmem must exceed 128·N·r, which at our N equals Node's default limit exactly.
		const maxmem = 256 * params.N * params.r;
		scrypt(password, salt, keyLength, { ...params, maxmem }, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

/**
 * Hashes a password as `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64).
 *
 * @param cost scrypt's parameters; the default is the one in force (tests make older hashes)
 */
export async function hashPassword(
	password: string,
	cost: { N: number; r: number; p: number } = SCRYPT
): Promise<string> {
	const salt = randomBytes(SCRYPT.saltLength);
	const { N, r, p } = cost;
	const { keyLength } = SCRYPT;
	const key = await deriveKey(normalisePassword(password), salt, { N, r, p }, keyLength);
	return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const HASH_FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function parseHash(stored: string) {
	const match = HASH_FORMAT.exec(stored);
	if (!match) return null;
	const [, N, r, p, salt, key] = match;
	return {
		params: { N: Number(N), r: Number(r), p: Number(p) },
		salt: Buffer.from(salt ?? '', 'base64'),
		key: Buffer.from(key ?? '', 'base64')
	};
}

/** Tells whether `password` matches a hash made by `hashPassword`, in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (parsed === null || parsed.key.length === 0) return false;
	const key = await deriveKey(
		normalisePassword(password),
		parsed.salt,
		parsed.params,
		parsed.key.length
	);
	return timingSafeEqual(key, parsed.key);
}

/** Tells whether a stored hash was made with other parameters than those in force. */
export function needsRehash(stored: string): boolean {
	const parsed = parseHash(stored);
	return (
		parsed === null ||
		parsed.params.N !== SCRYPT.N ||
		parsed.params.r !== SCRYPT.r ||
		parsed.params.p !== SCRYPT.p ||
		parsed.key.length !== SCRYPT.keyLength
	);
}

// Signing in with an unknown address still costs one scrypt, so timing does not tell which
// addresses have accounts.
let dummyHash: Promise<string> | undefined;

// ---- e-mail ---------------------------------------------------------------------------------

/**
 * The form an e-mail address is stored and compared in: trimmed and lower-cased.
 *
 * @throws ValidationError (`invalid-email`) when it does not look like an address
 */
export function normaliseEmail(value: unknown): string {
	const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
	// Deliberately loose: a school's own mail server may use addresses without a dot.
	if (email.length > EMAIL_MAX_LENGTH || !/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u.test(email)) {
		throw new ValidationError('invalid-email', 'Enter a valid e-mail address.');
	}
	return email;
}

// ---- sessions -------------------------------------------------------------------------------

/**
 * Starts a session for a teacher, ending `previousToken`'s session if given (a fresh id at every
 * sign-in, so a session id planted before sign-in is worthless after it).
 */
export async function createSession(
	db: Db,
	teacherId: string,
	previousToken?: string,
	now: Date = new Date()
): Promise<NewSession> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_MS);
	await db.transaction().execute(async (trx) => {
		if (isTokenShaped(previousToken)) {
			await trx.deleteFrom('sessions').where('id_hash', '=', hashToken(previousToken)).execute();
		}
		// Sweep expired sessions here rather than on a timer: sign-ins are rare and no process
		// needs to be in charge of cleaning up.
		await trx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
		await trx
			.insertInto('sessions')
			.values({
				id_hash: hashToken(token),
				teacher_id: teacherId,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString()
			})
			.execute();
	});
	return { token, expiresAt };
}

/**
 * Looks up the teacher of a session cookie, extending the session to 30 days from now at most
 * once a day.
 *
 * @returns null for a missing, malformed, unknown or expired token; else the teacher, the
 *   session's expiry, and `refreshed: true` when the expiry moved (set the cookie again then)
 */
export async function teacherFromSession(
	db: Db,
	token: string | undefined,
	now: Date = new Date()
): Promise<{ teacher: TeacherAccount; expiresAt: Date; refreshed: boolean } | null> {
	if (!isTokenShaped(token)) return null;
	const idHash = hashToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('teachers', 'teachers.id', 'sessions.teacher_id')
		.select(['teachers.id', 'teachers.email', 'teachers.name', 'sessions.expires_at'])
		.where('sessions.id_hash', '=', idHash)
		.where('sessions.expires_at', '>', now.toISOString())
		.executeTakeFirst();
	if (!row) return null;
	const teacher = { id: row.id, email: row.email, name: row.name };
	const expiresAt = new Date(row.expires_at);
	if (expiresAt.getTime() - now.getTime() > SESSION_MS - REFRESH_AFTER_MS) {
		return { teacher, expiresAt, refreshed: false };
	}
	const extended = new Date(now.getTime() + SESSION_MS);
	await db
		.updateTable('sessions')
		.set({ expires_at: extended.toISOString() })
		.where('id_hash', '=', idHash)
		.execute();
	return { teacher, expiresAt: extended, refreshed: true };
}

/** Ends a session. Unknown or malformed tokens are ignored. */
export async function signOut(db: Db, token: string | undefined): Promise<void> {
	if (!isTokenShaped(token)) return;
	await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

/**
 * Options for `cookies.set(SESSION_COOKIE, token, …)`: HttpOnly, SameSite=Lax, path `/`, and
 * Secure when the request came over HTTPS (a classroom laptop serving plain HTTP on the LAN must
 * still be able to sign teachers in). Behind a TLS-terminating proxy, set adapter-node's
 * `PROTOCOL_HEADER` or `ORIGIN` so that `url` says https.
 *
 * @param expiresAt pass the session's expiry; leave it out for `cookies.delete`
 */
export function sessionCookieOptions(url: URL, expiresAt?: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		...(expiresAt === undefined ? {} : { expires: expiresAt })
	};
}

// ---- sign-up and sign-in --------------------------------------------------------------------

/** Reads the `SIGNUP` setting: sign-up is open unless it says `closed`. */
export function signupOpen(setting: string | undefined): boolean {
	return setting?.trim().toLowerCase() !== 'closed';
}

/**
 * Reads the `SIGNUP_PER_HOUR` setting: new accounts an hour from one address, 20 unless it names
 * another whole number (a training day behind one school address may need more).
 */
export function signupsPerHour(setting: string | undefined): number {
	const value = Number(setting?.trim());
	return Number.isInteger(value) && value > 0 ? value : RATE_RULES['sign-up'].limit;
}

/**
 * Creates a teacher's account. Does not sign in: call `createSession` after it.
 *
 * Limited per IP address (`sign-up` in ratelimit.ts), counted before any work: each sign-up costs
 * a password estimate and a hash.
 *
 * @param input.ip the client's address, for the limit
 * @param options.open false when sign-up is closed (`signupOpen(env.SIGNUP)`)
 * @param options.perHour sign-ups an hour per address (`signupsPerHour(env.SIGNUP_PER_HOUR)`)
 * @throws RefusedError `signup-closed`; RateLimitError; ValidationError `invalid-email`,
 *   `invalid-name`, `password-too-short`, `password-too-long`, `password-too-weak`;
 *   ConflictError `email-taken`
 */
export async function signUp(
	db: Db,
	input: { email: unknown; password: unknown; name?: unknown; ip: string },
	options: { open: boolean; perHour?: number },
	now: Date = new Date()
): Promise<TeacherAccount> {
	if (!options.open) {
		throw new RefusedError('signup-closed', 'Sign-up is closed on this server.');
	}
	const status = await hit(db, 'sign-up', input.ip, now.getTime(), options.perHour);
	if (!status.allowed) throw new RateLimitError(status.retryAfterSeconds);
	const email = normaliseEmail(input.email);
	const name =
		input.name === undefined || input.name === '' ? '' : cleanName(input.name, CLASS_NAME_MAX);
	const password = requireGoodPassword(input.password, email, name);
	const teacher = { id: randomUUID(), email, name };
	const inserted = await db
		.insertInto('teachers')
		.values({
			...teacher,
			password_hash: await hashPassword(password),
			created_at: now.toISOString()
		})
		.onConflict((conflict) => conflict.column('email').doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
		throw new ConflictError('email-taken', 'An account with this e-mail address exists already.');
	}
	return teacher;
}

/**
 * Signs a teacher in: checks the rate limits, the password, and starts a new session, ending
 * `previousToken`'s. The limits are per IP (`sign-in-ip`) and per IP and account together
 * (`sign-in-account`), never per account alone: a stranger's wrong guesses must not lock the real
 * teacher out. Guessing from many addresses stays hopeless because new passwords must be hard to
 * guess (`passwordProblem`).
 *
 * @throws RateLimitError when this IP tried too often, for this account or for any;
 *   UnauthorizedError `invalid-credentials` for an unknown address or a wrong password (the same
 *   error for both, so it does not tell which addresses have accounts)
 */
export async function signIn(
	db: Db,
	input: { email: unknown; password: unknown; ip: string; previousToken?: string },
	now: Date = new Date()
): Promise<{ teacher: TeacherAccount; session: NewSession }> {
	const invalid = () =>
		new UnauthorizedError('invalid-credentials', 'The e-mail address or password is wrong.');
	const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
	const password = typeof input.password === 'string' ? input.password : '';
	// Counted before checking, so that parallel guesses cannot all pass a check made before any of
	// them was counted.
	const accountKey = `${input.ip} ${email}`;
	for (const [action, key] of [
		['sign-in-ip', input.ip],
		['sign-in-account', accountKey]
	] as const) {
		const status = await hit(db, action, key, now.getTime());
		if (!status.allowed) throw new RateLimitError(status.retryAfterSeconds);
	}
	// In UTF-16 units, two per character at most; no sign-up could have set a longer one.
	if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH * 2) throw invalid();
	const row = await db
		.selectFrom('teachers')
		.select(['id', 'email', 'name', 'password_hash'])
		.where('email', '=', email)
		.executeTakeFirst();
	if (!row) {
		dummyHash ??= hashPassword(newToken());
		await verifyPassword(password, await dummyHash);
		throw invalid();
	}
	if (!(await verifyPassword(password, row.password_hash))) throw invalid();
	await clear(db, 'sign-in-account', accountKey);
	if (needsRehash(row.password_hash)) {
		await db
			.updateTable('teachers')
			.set({ password_hash: await hashPassword(password) })
			.where('id', '=', row.id)
			.execute();
	}
	const session = await createSession(db, row.id, input.previousToken, now);
	return { teacher: { id: row.id, email: row.email, name: row.name }, session };
}
