import { describe, expect, it } from 'vitest';
import {
	createSession,
	hashPassword,
	needsRehash,
	passwordProblem,
	SCRYPT,
	SESSION_MS,
	sessionCookieOptions,
	signIn,
	signOut,
	signUp,
	signupOpen,
	signupsPerHour,
	teacherFromSession,
	verifyPassword
} from './auth';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import {
	ConflictError,
	RateLimitError,
	RefusedError,
	UnauthorizedError,
	ValidationError
} from './errors';
import { hashToken } from './tokens';

const open = { open: true };
const DAY = 24 * 60 * 60 * 1000;

describe('passwordProblem', () => {
	it('wants 8 characters, counted as characters rather than bytes', () => {
		expect(passwordProblem('short12')).toBe('password-too-short');
		expect(passwordProblem('😀😀😀😀😀😀😀')).toBe('password-too-short');
	});

	it("refuses passwords that are easy to guess, in any case, and the account's own words", () => {
		for (const weak of [
			'aaaaaaaa',
			' '.repeat(8),
			'password',
			'PassWord1',
			'12345678',
			'qwertyuiop',
			'abcdefgh',
			'iloveyou2024',
			'sunshine12'
		]) {
			expect(passwordProblem(weak), weak).toBe('password-too-weak');
		}
		expect(passwordProblem('huda@school.iq', 'Huda@School.iq')).toBe('password-too-weak');
		expect(passwordProblem('hudaschool1', 'huda@school.iq')).toBe('password-too-weak');
		expect(passwordProblem('Salma Haddad', 'x@school.iq', 'Salma Haddad')).toBe(
			'password-too-weak'
		);
	});

	it('has no composition rules: a few words pass, in either script', () => {
		expect(passwordProblem('correct horse battery staple')).toBeNull();
		expect(passwordProblem('olive trees by the shatt')).toBeNull();
		expect(passwordProblem('مكتبة البصرة الجديدة')).toBeNull();
	});

	it('refuses absurd lengths, and estimates a long one quickly', () => {
		expect(passwordProblem('x'.repeat(1025))).toBe('password-too-long');
		passwordProblem('warm up the dictionaries');
		const start = performance.now();
		expect(passwordProblem('a river runs through it '.repeat(40))).toBeNull();
		expect(performance.now() - start).toBeLessThan(2000);
	});
});

describe('password hashing', () => {
	it("stores scrypt parameters (OWASP's minimum) with a salted hash and verifies", async () => {
		const hash = await hashPassword('a long enough password');
		expect(hash).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
		expect(needsRehash(hash)).toBe(false);
		expect(needsRehash(await hashPassword('x', { N: 2 ** 15, r: 8, p: 1 }))).toBe(true);
		expect(hash).not.toContain('a long enough password');
		expect(await hashPassword('a long enough password')).not.toBe(hash);
		expect(await verifyPassword('a long enough password', hash)).toBe(true);
		expect(await verifyPassword('a long enough passworD', hash)).toBe(false);
		expect(await verifyPassword('anything', 'garbage')).toBe(false);
	});

	it('treats composed and decomposed letters as the same password', async () => {
		const hash = await hashPassword('caf\u00e9 au lait');
		expect(await verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
	});
});

describe('sessionCookieOptions', () => {
	it('is HttpOnly and SameSite=Lax, Secure only over HTTPS', () => {
		const expires = new Date('2030-01-01T00:00:00Z');
		expect(sessionCookieOptions(new URL('https://qiraa.example/teach'), expires)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			expires
		});
		expect(sessionCookieOptions(new URL('http://192.168.1.20:3000/teach')).secure).toBe(false);
		expect(sessionCookieOptions(new URL('http://localhost:3000/')).expires).toBeUndefined();
	});
});

describe('signupOpen', () => {
	it('is open unless SIGNUP=closed', () => {
		expect(signupOpen(undefined)).toBe(true);
		expect(signupOpen('')).toBe(true);
		expect(signupOpen('open')).toBe(true);
		expect(signupOpen('closed')).toBe(false);
		expect(signupOpen(' Closed ')).toBe(false);
	});
});

describe('signupsPerHour', () => {
	it('is 20 unless SIGNUP_PER_HOUR names another whole number above 0', () => {
		expect(signupsPerHour(undefined)).toBe(20);
		expect(signupsPerHour('')).toBe(20);
		expect(signupsPerHour('0')).toBe(20);
		expect(signupsPerHour('-5')).toBe(20);
		expect(signupsPerHour('2.5')).toBe(20);
		expect(signupsPerHour('lots')).toBe(20);
		expect(signupsPerHour(' 200 ')).toBe(200);
	});
});

describe.each(ENGINES)('teacher accounts on %s', { timeout: 60_000 }, (engine) => {
	const db = useTestDatabase(engine);
	let n = 0;
	const email = () => `Teacher${++n}@School.test`;
	// Each sign-up from its own address, so the sign-up limit is tested on its own.
	const ip = () => `10.9.${n % 250}.${Math.floor(Math.random() * 250)}`;
	const password = 'reading is good for you';

	it('signs up with a normalised address and never stores the password', async () => {
		const address = email();
		const teacher = await signUp(
			db(),
			{ ip: ip(), email: `  ${address} `, password, name: 'Ms Huda' },
			open
		);
		expect(teacher.email).toBe(address.toLowerCase());
		expect(teacher.name).toBe('Ms Huda');
		const row = await db()
			.selectFrom('teachers')
			.selectAll()
			.where('id', '=', teacher.id)
			.executeTakeFirstOrThrow();
		expect(row.password_hash).toMatch(/^scrypt\$/);
		expect(JSON.stringify(row)).not.toContain(password);
	});

	it('refuses a second account for the same address, whatever its case', async () => {
		const address = email();
		await signUp(db(), { ip: ip(), email: address, password }, open);
		await expect(
			signUp(db(), { ip: ip(), email: address.toUpperCase(), password }, open)
		).rejects.toMatchObject({ code: 'email-taken' });
		await expect(signUp(db(), { ip: ip(), email: address, password }, open)).rejects.toBeInstanceOf(
			ConflictError
		);
	});

	it('refuses bad input with a reason, and sign-up when closed', async () => {
		await expect(signUp(db(), { ip: ip(), email: 'nobody', password }, open)).rejects.toMatchObject(
			{
				code: 'invalid-email'
			}
		);
		await expect(
			signUp(db(), { ip: ip(), email: email(), password: 'short' }, open)
		).rejects.toMatchObject({
			code: 'password-too-short'
		});
		await expect(
			signUp(db(), { ip: ip(), email: email(), password: 'qwertyuiop' }, open)
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			signUp(db(), { ip: ip(), email: email(), password: 42 }, open)
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			signUp(db(), { ip: ip(), email: email(), password }, { open: false })
		).rejects.toBeInstanceOf(RefusedError);
	});

	it('signs in, keeps only the hash of the session id, and signs out', async () => {
		const address = email();
		const teacher = await signUp(db(), { ip: ip(), email: address, password }, open);
		const { session, teacher: signedIn } = await signIn(db(), {
			email: address.toUpperCase(),
			password,
			ip: '10.1.1.1'
		});
		expect(signedIn.id).toBe(teacher.id);
		expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const rows = await db()
			.selectFrom('sessions')
			.selectAll()
			.where('teacher_id', '=', teacher.id)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id_hash).toBe(hashToken(session.token));
		expect(JSON.stringify(rows)).not.toContain(session.token);

		const found = await teacherFromSession(db(), session.token);
		expect(found?.teacher).toEqual({ id: teacher.id, email: address.toLowerCase(), name: '' });

		await signOut(db(), session.token);
		expect(await teacherFromSession(db(), session.token)).toBeNull();
	});

	it('gives the same error for a wrong password and an unknown address', async () => {
		const address = email();
		await signUp(db(), { ip: ip(), email: address, password }, open);
		const wrong = signIn(db(), { email: address, password: 'not the password', ip: '10.1.1.2' });
		await expect(wrong).rejects.toBeInstanceOf(UnauthorizedError);
		await expect(wrong).rejects.toMatchObject({ code: 'invalid-credentials' });
		await expect(
			signIn(db(), { email: 'nobody@school.test', password, ip: '10.1.1.2' })
		).rejects.toMatchObject({ code: 'invalid-credentials' });
		await expect(
			signIn(db(), { email: address, password: undefined, ip: '10.1.1.2' })
		).rejects.toMatchObject({ code: 'invalid-credentials' });
	});

	it('rotates the session at sign-in', async () => {
		const address = email();
		await signUp(db(), { ip: ip(), email: address, password }, open);
		const first = await signIn(db(), { email: address, password, ip: '10.1.1.3' });
		const second = await signIn(db(), {
			email: address,
			password,
			ip: '10.1.1.3',
			previousToken: first.session.token
		});
		expect(second.session.token).not.toBe(first.session.token);
		expect(await teacherFromSession(db(), first.session.token)).toBeNull();
		expect(await teacherFromSession(db(), second.session.token)).not.toBeNull();
	});

	it('slides the expiry at most once a day and ends after 30 idle days', async () => {
		const teacher = await signUp(db(), { ip: ip(), email: email(), password }, open);
		const start = new Date('2030-01-01T08:00:00Z');
		const session = await createSession(db(), teacher.id, undefined, start);
		expect(session.expiresAt.getTime()).toBe(start.getTime() + SESSION_MS);

		const soon = await teacherFromSession(
			db(),
			session.token,
			new Date(start.getTime() + 3600_000)
		);
		expect(soon?.refreshed).toBe(false);

		const later = new Date(start.getTime() + 10 * DAY);
		const slid = await teacherFromSession(db(), session.token, later);
		expect(slid?.refreshed).toBe(true);
		expect(slid?.expiresAt.getTime()).toBe(later.getTime() + SESSION_MS);

		const stillThere = new Date(start.getTime() + 35 * DAY);
		expect(await teacherFromSession(db(), session.token, stillThere)).not.toBeNull();
		// That look-up slid the expiry again; 30 idle days after it, the session is over.
		const gone = new Date(stillThere.getTime() + SESSION_MS + 1);
		expect(await teacherFromSession(db(), session.token, gone)).toBeNull();
	});

	it('ignores malformed session tokens', async () => {
		expect(await teacherFromSession(db(), undefined)).toBeNull();
		expect(await teacherFromSession(db(), "' or 1=1 --")).toBeNull();
		await signOut(db(), 'x');
	});

	it('limits sign-in attempts per address and account, not per account alone', async () => {
		const address = email();
		await signUp(db(), { ip: ip(), email: address, password }, open);
		const now = new Date('2030-02-01T08:00:00Z');
		// An empty password fails before scrypt, which keeps these loops fast.
		for (let i = 0; i < 10; i++) {
			await expect(
				signIn(db(), { email: address, password: '', ip: '10.2.0.1' }, now)
			).rejects.toBeInstanceOf(UnauthorizedError);
		}
		// Ten wrong passwords from one address stop that address trying this account…
		const blocked = signIn(db(), { email: address, password, ip: '10.2.0.1' }, now);
		await expect(blocked).rejects.toBeInstanceOf(RateLimitError);
		await expect(blocked).rejects.toMatchObject({ status: 429 });
		// …while that address may still sign in to other accounts,
		await expect(
			signIn(db(), { email: 'someone-else@school.test', password: '', ip: '10.2.0.1' }, now)
		).rejects.toBeInstanceOf(UnauthorizedError);
		// and the real teacher, elsewhere, is not locked out.
		const teacher = await signIn(db(), { email: address, password, ip: '10.2.1.1' }, now);
		expect(teacher.session.token).toBeTruthy();
		const afterWindow = new Date(now.getTime() + 15 * 60_000);
		const ok = await signIn(db(), { email: address, password, ip: '10.2.0.1' }, afterWindow);
		expect(ok.session.token).toBeTruthy();
	});

	it('limits sign-ups per IP address, before hashing anything', async () => {
		const now = new Date('2030-04-01T08:00:00Z');
		const outcomes = [];
		for (let i = 0; i < 22; i++) {
			// A password too short to hash: only the limit's count is spent.
			outcomes.push(
				await signUp(
					db(),
					{ ip: '10.5.5.5', email: `flood${i}@school.test`, password: 'short' },
					open,
					now
				).catch((error: unknown) => (error instanceof RateLimitError ? 'limited' : 'refused'))
			);
		}
		expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(20);
		expect(outcomes.slice(20)).toEqual(['limited', 'limited']);
		const later = new Date(now.getTime() + 60 * 60_000);
		const teacher = await signUp(db(), { ip: '10.5.5.5', email: email(), password }, open, later);
		expect(teacher.id).toBeTruthy();
	});

	it('limits sign-in attempts per IP address across addresses', async () => {
		const now = new Date('2030-03-01T08:00:00Z');
		let limited = 0;
		for (let i = 0; i < 105; i++) {
			try {
				// An empty password fails before scrypt, which keeps this loop fast.
				await signIn(db(), { email: `guess${i}@school.test`, password: '', ip: '10.3.3.3' }, now);
			} catch (error) {
				if (error instanceof RateLimitError) limited++;
			}
		}
		expect(limited).toBe(5);
	});

	it('upgrades an old hash at sign-in', async () => {
		const address = email();
		const teacher = await signUp(db(), { ip: ip(), email: address, password }, open);
		// A hash made with weaker parameters, as an older release might have stored.
		const old = await hashPassword(password, { N: 2 ** 15, r: 8, p: 1 });
		expect(old).toMatch(/^scrypt\$N=32768,/);
		await db()
			.updateTable('teachers')
			.set({ password_hash: old })
			.where('id', '=', teacher.id)
			.execute();
		await signIn(db(), { email: address, password, ip: '10.1.1.9' });
		const row = await db()
			.selectFrom('teachers')
			.select('password_hash')
			.where('id', '=', teacher.id)
			.executeTakeFirstOrThrow();
		expect(row.password_hash).toMatch(/^scrypt\$N=131072,/);
		expect(await verifyPassword(password, row.password_hash)).toBe(true);
	});
});
