/**
 * Finds a Chromium to test with: $CHROMIUM_PATH, the system's (Debian's `chromium` package), or
 * one installed by `npx playwright install chromium`. Says what to install when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable'
];

export function findChromium(): string {
	const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_PATHS, bundledChromium()];
	const found = candidates.find((path): path is string => !!path && existsSync(path));
	if (!found) {
		throw new Error(
			'No Chromium found for the browser tests. Install one of:\n' +
				'  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
				"  Playwright's own: npx playwright install chromium\n" +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		);
	}
	return found;
}

function bundledChromium(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined;
	}
}

/** Flags for a headless Chromium on a closed network, run as root in CI. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];
