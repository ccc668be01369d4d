/**
 * E-mail, for reset links only, through the SMTP server the operator names:
 *
 * - `SMTP_URL`: `smtp://user:password@host:587` (STARTTLS when the server offers it) or
 *   `smtps://…:465`;
 * - `MAIL_FROM`: the sender, e.g. `Qiraa <qiraa@school.example>`;
 * - `ORIGIN`: the server's public address (adapter-node's own setting). Required for mail, so a
 *   link in an e-mail always names this server and never whatever a request's Host header said.
 *
 * Without all three, the "forgot password" page tells the teacher to ask the operator, who can
 * print a link with `npm run admin -- reset-password <email>`.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { createI18n, localisePath, type Lang } from '$lib/i18n';
import { teachMessages } from '$lib/i18n/teach';
import type { SendResetMail } from './recovery';
import { RESET_MS } from './recovery';

/** Where and as whom mail is sent, and the origin links point to. */
export interface MailSettings {
	smtpUrl: string;
	from: string;
	origin: string;
}

/** The mail settings from the environment, or null when mail is not set up. */
export function mailSettings(env: Record<string, string | undefined>): MailSettings | null {
	const smtpUrl = env.SMTP_URL?.trim();
	const from = env.MAIL_FROM?.trim();
	const origin = env.ORIGIN?.trim().replace(/\/+$/, '');
	if (!smtpUrl || !from || !origin) return null;
	return { smtpUrl, from, origin };
}

/**
 * Sends reset links by e-mail, written in the UI language the teacher asked in.
 *
 * @param transport nodemailer's transport; by default one for `settings.smtpUrl` (tests pass a
 *   JSON transport)
 */
export function resetMailer(
	settings: MailSettings,
	lang: Lang,
	transport: Transporter = nodemailer.createTransport(settings.smtpUrl)
): SendResetMail {
	const { t } = createI18n(lang, teachMessages[lang]);
	return async ({ to, path }) => {
		const link = settings.origin + localisePath(path, lang);
		await transport.sendMail({
			from: settings.from,
			to,
			subject: t('teach.mail.subject'),
			text: t('teach.mail.body', { link, minutes: RESET_MS / 60_000 })
		});
	};
}
