import { describe, expect, it } from 'vitest';
import { createSession, hashPassword, signIn, teacherFromSession } from './auth';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import type { Db } from './db/database';
import { RateLimitError, UnauthorizedError, ValidationError } from './errors';
import {
	changePassword,
	createResetToken,
	requestResetMail,
	RESET_MS,
	resetLinkAccount,
	resetPassword,
	resetPath,
	type SendResetMail
} from './recovery';
import { makeTeacher } from './services.fixture';
import { hashToken } from './tokens';

const OLD = 'the old password of the river';
const NEW = 'a brand new password by the palms';

/** A teacher whose password is OLD, hashed cheaply (a sign-in upgrades it; these tests need not). */
async function teacherWithPassword(db: Db) {
	const teacher = await makeTeacher(db);
	await db
		.updateTable('teachers')
		.set({ password_hash: await hashPassword(OLD, { N: 1024, r: 8, p: 1 }) })
		.where('id', '=', teacher.id)
		.execute();
	return teacher;
}

describe.each(ENGINES)('password recovery on %s', { timeout: 120_000 }, (engine) => {
	const db = useTestDatabase(engine);

	it('makes one-time links stored only as hashes, the newest replacing older ones', async () => {
		expect(await createResetToken(db(), 'nobody@school.test')).toBeNull();
		const teacher = await teacherWithPassword(db());
		const first = await createResetToken(db(), ` ${teacher.email.toUpperCase()} `);
		expect(first?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(first?.teacher.id).toBe(teacher.id);
		expect(resetPath(first!.token)).toBe(`/teach/reset/${first!.token}`);
		const rows = await db().selectFrom('password_resets').selectAll().execute();
		expect(rows.map((row) => row.token_hash)).toContain(hashToken(first!.token));
		expect(JSON.stringify(rows)).not.toContain(first!.token);

		const second = await createResetToken(db(), teacher.email);
		expect(await resetLinkAccount(db(), first!.token)).toBeNull();
		expect((await resetLinkAccount(db(), second!.token))?.email).toBe(teacher.email);
		expect(await resetLinkAccount(db(), 'not a token')).toBeNull();
	});

	it('works for an hour', async () => {
		const teacher = await teacherWithPassword(db());
		const now = new Date('2030-01-01T08:00:00Z');
		const reset = await createResetToken(db(), teacher.email, now);
		expect(reset?.expiresAt.getTime()).toBe(now.getTime() + RESET_MS);
		const late = new Date(now.getTime() + RESET_MS);
		expect(await resetLinkAccount(db(), reset!.token, late)).toBeNull();
		await expect(
			resetPassword(db(), { token: reset!.token, password: NEW }, late)
		).rejects.toMatchObject({ code: 'reset-link-invalid' });
	});

	it('sets a new password once, and ends every session of the account', async () => {
		const teacher = await teacherWithPassword(db());
		const phone = await createSession(db(), teacher.id);
		const laptop = await createSession(db(), teacher.id);
		const reset = await createResetToken(db(), teacher.email);

		// A weak password is refused and the link still works.
		await expect(
			resetPassword(db(), { token: reset!.token, password: 'aaaaaaaa' })
		).rejects.toMatchObject({ code: 'password-too-weak' });
		expect(await resetLinkAccount(db(), reset!.token)).not.toBeNull();

		const account = await resetPassword(db(), { token: reset!.token, password: NEW });
		expect(account.id).toBe(teacher.id);
		expect(await teacherFromSession(db(), phone.token)).toBeNull();
		expect(await teacherFromSession(db(), laptop.token)).toBeNull();
		await expect(
			resetPassword(db(), { token: reset!.token, password: 'yet another good password here' })
		).rejects.toBeInstanceOf(UnauthorizedError);
		await expect(
			signIn(db(), { email: teacher.email, password: OLD, ip: '10.7.0.1' })
		).rejects.toMatchObject({ code: 'invalid-credentials' });
		const signedIn = await signIn(db(), { email: teacher.email, password: NEW, ip: '10.7.0.1' });
		expect(signedIn.teacher.id).toBe(teacher.id);
	});

	it('lets only one of two requests that race with the same link use it', async () => {
		const teacher = await teacherWithPassword(db());
		const reset = await createResetToken(db(), teacher.email);
		const outcomes = await Promise.allSettled([
			resetPassword(db(), { token: reset!.token, password: NEW }),
			resetPassword(db(), { token: reset!.token, password: 'the other tab typed this one' })
		]);
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
		const refused = outcomes.find((outcome) => outcome.status === 'rejected');
		expect(refused?.reason).toMatchObject({ code: 'reset-link-invalid' });
	});

	it('changes a password with the current one, signing out the other devices only', async () => {
		const teacher = await teacherWithPassword(db());
		const here = await createSession(db(), teacher.id);
		const elsewhere = await createSession(db(), teacher.id);
		const link = await createResetToken(db(), teacher.email);
		await expect(
			changePassword(db(), teacher.id, { current: 'not it', password: NEW, session: here.token })
		).rejects.toMatchObject({ code: 'wrong-password' });
		await expect(
			changePassword(db(), teacher.id, { current: OLD, password: '        ', session: here.token })
		).rejects.toBeInstanceOf(ValidationError);
		await changePassword(db(), teacher.id, { current: OLD, password: NEW, session: here.token });
		expect(await teacherFromSession(db(), here.token)).not.toBeNull();
		expect(await teacherFromSession(db(), elsewhere.token)).toBeNull();
		// An outstanding reset link stops working too.
		expect(await resetLinkAccount(db(), link!.token)).toBeNull();
	});

	it('limits tries at the current password', async () => {
		const teacher = await teacherWithPassword(db());
		const now = new Date('2030-01-01T09:00:00Z');
		for (let i = 0; i < 10; i++) {
			await expect(
				changePassword(db(), teacher.id, { current: '', password: NEW }, now)
			).rejects.toMatchObject({ code: 'wrong-password' });
		}
		await expect(
			changePassword(db(), teacher.id, { current: OLD, password: NEW }, now)
		).rejects.toBeInstanceOf(RateLimitError);
	});

	it('mails a link to an account, nothing to an unknown address, and limits the form', async () => {
		const teacher = await teacherWithPassword(db());
		const sent: Parameters<SendResetMail>[0][] = [];
		const send: SendResetMail = async (message) => {
			sent.push(message);
		};
		const now = new Date('2030-01-01T10:00:00Z');
		await requestResetMail(db(), { email: 'nobody@school.test', ip: '10.8.0.1' }, send, now);
		expect(sent).toHaveLength(0);
		await requestResetMail(db(), { email: teacher.email, ip: '10.8.0.1' }, send, now);
		expect(sent).toHaveLength(1);
		expect(sent[0]?.to).toBe(teacher.email);
		const token = sent[0]!.path.split('/').pop();
		expect((await resetLinkAccount(db(), token, now))?.id).toBe(teacher.id);
		await expect(
			requestResetMail(db(), { email: 'not an address', ip: '10.8.0.1' }, send, now)
		).rejects.toMatchObject({ code: 'invalid-email' });
		// Three an hour per address, from any number of addresses.
		await requestResetMail(db(), { email: teacher.email, ip: '10.8.0.2' }, send, now);
		await requestResetMail(db(), { email: teacher.email, ip: '10.8.0.3' }, send, now);
		await expect(
			requestResetMail(db(), { email: teacher.email, ip: '10.8.0.4' }, send, now)
		).rejects.toBeInstanceOf(RateLimitError);
		expect(sent).toHaveLength(3);
	});
});
