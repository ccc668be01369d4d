import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db/connect';
import { resetLinkAccount } from '../src/lib/server/recovery';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'scripts/admin.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run admin -- …` on the scratch data folder. */
function run(env: Record<string, string>, ...args: string[]) {
	const result = spawnSync(TSX, ['--tsconfig', join(ROOT, 'tsconfig.json'), CLI, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ORIGIN: '', ...env }
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('admin reset-password', { timeout: 120_000 }, () => {
	it('prints a one-time link that works for the account, for an hour', async () => {
		const opened = await openDatabase({ dataDir });
		await opened.db
			.insertInto('teachers')
			.values({
				id: '7d7f1c2e-4a57-4d1a-9d8e-2a7e7f0c1b11',
				email: 'huda@school.example',
				name: 'Huda',
				password_hash: 'none',
				created_at: new Date().toISOString()
			})
			.execute();
		await opened.close();

		const result = run({ PORT: '3100' }, 'reset-password', 'Huda@School.example');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const link = /http:\/\/localhost:3100\/teach\/reset\/([A-Za-z0-9_-]{43})\n/.exec(result.stdout);
		expect(link).not.toBeNull();

		const withOrigin = run(
			{},
			'reset-password',
			'huda@school.example',
			'--origin',
			'https://q.example/'
		);
		expect(withOrigin.stdout).toMatch(/ https:\/\/q\.example\/teach\/reset\/[A-Za-z0-9_-]{43}\n/);

		const reopened = await openDatabase({ dataDir });
		try {
			// Only the newest link works.
			expect(await resetLinkAccount(reopened.db, link![1])).toBeNull();
			const newest = /\/teach\/reset\/([A-Za-z0-9_-]{43})/.exec(withOrigin.stdout)![1];
			expect((await resetLinkAccount(reopened.db, newest))?.email).toBe('huda@school.example');
			const inAnHour = new Date(Date.now() + 60 * 60 * 1000 + 1000);
			expect(await resetLinkAccount(reopened.db, newest, inAnHour)).toBeNull();
		} finally {
			await reopened.close();
		}
	});

	it('says so for an unknown address, a running server, and bad usage', async () => {
		const unknown = run({}, 'reset-password', 'nobody@school.example');
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain('nobody@school.example');

		const server = await openDatabase({ dataDir });
		try {
			const busy = run({}, 'reset-password', 'huda@school.example');
			expect(busy.code).toBe(1);
			expect(busy.stderr).toMatch(/Stop the server/);
		} finally {
			await server.close();
		}

		expect(run({}).code).toBe(2);
		expect(run({}, 'reset-password').code).toBe(2);
		expect(run({}, 'reset-password', 'a@b', '--origin', 'not a url').code).toBe(2);
	});
});
