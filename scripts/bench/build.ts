/**
 * The production build the bench measures: built into build/ when it is missing or older than
 * anything it is made from (the same rule as `npm start`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = 'build';
const BUILD_MARK = join(BUILD_DIR, 'handler.js');
// Not `lessons/` nor the compiler pool: the build reads no lesson (the server compiles them into
// its store at start), so a new lesson needs no new build.
const SOURCES = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'scripts/security.js',
	'scripts/arabic-font.ts',
	'vite.config.ts'
];

/** The newest modification time under a path (0 when it does not exist). */
export function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

/** Why the build must be made again, or null when it is up to date. */
export function staleness(root = '.'): string | null {
	const mark = join(root, BUILD_MARK);
	if (!existsSync(mark)) return 'no build yet';
	const built = statSync(mark).mtimeMs;
	const changed = SOURCES.find((path) => newest(join(root, path)) > built);
	return changed === undefined ? null : `${changed} changed since the last build`;
}

/** Builds with Vite when the build is stale; the build's output is shown only if it fails. */
export function ensureBuild(progress: (message: string) => void): void {
	const reason = staleness();
	if (reason === null) return;
	progress(`building (${reason})`);
	const vite = join('node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
	}
}
