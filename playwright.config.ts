import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser';

// E2E_PORT lets two suites run side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const CI = !!process.env.CI;
/** A fresh embedded database for every run of the suite. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'qiraa-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: CI,
	retries: CI ? 1 : 0,
	workers: CI ? 2 : undefined,
	reporter: [['list']],
	// Two workers, their Chromiums and the server share two cores: the lesson editor, a page of
	// 5,000 elements, takes 1.8–2.5 s to start and check its lesson on a quiet machine, and more
	// than Playwright's 5 s under the whole suite now and then.
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'on-first-retry',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
	},
	projects: [
		{
			name: 'phone',
			use: {
				...devices['Pixel 7'],
				viewport: { width: 390, height: 844 },
				// An Arabic phone, Qiraa's first audience: a first visit opens in Arabic
				// (tests/e2e/language.spec.ts tries an English one).
				locale: 'ar-IQ',
				browserName: 'chromium'
			}
		}
	],
	webServer: {
		// The production build, served as `npm start` serves it (which tells the app whether each
		// request came over HTTP or HTTPS: forms, cookies and join links depend on it).
		command: 'npm run build && node scripts/start.js',
		port: PORT,
		reuseExistingServer: false,
		timeout: 180_000,
		// Every test signs up teachers of its own, all from 127.0.0.1.
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, SIGNUP_PER_HOUR: '10000' }
	}
});
