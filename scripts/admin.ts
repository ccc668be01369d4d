/**
 * `npm run admin -- <command>`: what the person running a Qiraa server does by hand.
 *
 *   reset-password <email> [--origin <url>]
 *     prints a one-time link that sets a new password for the teacher with this address; it works
 *     once, for one hour, and needs no mail server. The link's origin is `--origin`, else
 *     `ORIGIN`, else http://localhost:$PORT (3000).
 *
 * It opens the same database as the server (`DATA_DIR`, `DATABASE_URL`). The embedded SQLite
 * database is locked by a running server, so with it stop the server, run this, start it again:
 * the link stays valid.
 *
 * Exit codes: 0 done, 1 no such account or the database is busy, 2 usage.
 */
import { DatabaseLockedError, openDatabase } from '../src/lib/server/db/connect';
import { createResetToken, resetPath } from '../src/lib/server/recovery';

const USAGE = 'usage: npm run admin -- reset-password <email> [--origin https://qiraa.example]';

async function resetPasswordCommand(args: string[]): Promise<number> {
	const originAt = args.indexOf('--origin');
	const origin = (
		originAt === -1
			? process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`
			: (args[originAt + 1] ?? '')
	).replace(/\/+$/, '');
	const rest = originAt === -1 ? args : args.filter((_, i) => i !== originAt && i !== originAt + 1);
	const [email, ...extra] = rest;
	if (email === undefined || extra.length > 0 || !/^https?:\/\/[^/\s]+$/.test(origin)) {
		process.stderr.write(USAGE + '\n');
		return 2;
	}
	const database = await openDatabase({
		dataDir: process.env.DATA_DIR || './data',
		databaseUrl: process.env.DATABASE_URL || undefined
	});
	try {
		const reset = await createResetToken(database.db, email);
		if (reset === null) {
			process.stderr.write(`No teacher account has the address ${email}.\n`);
			return 1;
		}
		process.stdout.write(
			`A one-time link to set a new password for ${reset.teacher.email}, ` +
				`valid until ${reset.expiresAt.toISOString()} (one hour):\n\n` +
				`  ${origin}${resetPath(reset.token)}\n\n` +
				'Give it only to the account owner. Using it signs the account out everywhere.\n'
		);
		return 0;
	} finally {
		await database.close();
	}
}

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	try {
		if (command === 'reset-password') return await resetPasswordCommand(args);
	} catch (error) {
		if (error instanceof DatabaseLockedError) {
			process.stderr.write(
				`${error.message}\nStop the server, run this command, then start the server again: ` +
					'the link stays valid for an hour.\n'
			);
			return 1;
		}
		throw error;
	}
	process.stderr.write(USAGE + '\n');
	return 2;
}

process.exitCode = await main(process.argv.slice(2));
