import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { mailSettings, resetMailer } from './mail';

const SETTINGS = {
	SMTP_URL: 'smtp://qiraa:secret@mail.school.example:587',
	MAIL_FROM: 'Qiraa <qiraa@school.example>',
	ORIGIN: 'https://qiraa.school.example/'
};

describe('mailSettings', () => {
	it('needs the SMTP server, the sender and the public origin', () => {
		expect(mailSettings(SETTINGS)).toEqual({
			smtpUrl: SETTINGS.SMTP_URL,
			from: SETTINGS.MAIL_FROM,
			origin: 'https://qiraa.school.example'
		});
		expect(mailSettings({})).toBeNull();
		expect(mailSettings({ ...SETTINGS, ORIGIN: undefined })).toBeNull();
		expect(mailSettings({ ...SETTINGS, MAIL_FROM: ' ' })).toBeNull();
		expect(mailSettings({ ...SETTINGS, SMTP_URL: '' })).toBeNull();
	});
});

describe('resetMailer', () => {
	it("writes the link on the server's own origin, in the teacher's language", async () => {
		const sent: { subject: string; text: string; to: string; from: string }[] = [];
		const transport = nodemailer.createTransport({ jsonTransport: true });
		const original = transport.sendMail.bind(transport);
		transport.sendMail = (async (message: Parameters<typeof original>[0]) => {
			const info = await original(message);
			sent.push(JSON.parse(String(info.message)));
			return info;
		}) as typeof transport.sendMail;
		const settings = mailSettings(SETTINGS)!;
		const expiresAt = new Date();
		await resetMailer(
			settings,
			'en',
			transport
		)({ to: 'huda@school.example', path: '/teach/reset/T', expiresAt });
		await resetMailer(
			settings,
			'ar',
			transport
		)({ to: 'huda@school.example', path: '/teach/reset/T', expiresAt });
		expect(sent[0]).toMatchObject({ to: [{ address: 'huda@school.example' }] });
		expect(sent[0]?.subject).toMatch(/password/i);
		expect(sent[0]?.text).toContain('https://qiraa.school.example/en/teach/reset/T');
		expect(sent[0]?.text).toContain('60 minutes');
		expect(sent[1]?.subject).toMatch(/[\u0600-\u06FF]/);
		expect(sent[1]?.text).toContain('https://qiraa.school.example/teach/reset/T');
		expect(sent[1]?.text).not.toContain('{{');
	});
});
