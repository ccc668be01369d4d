/**
 * `npm start`: builds when the build is missing or older than the sources, then serves it with
 * the Node adapter (PORT, default 3000; HOST, default 0.0.0.0; DATA_DIR, default ./data).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_MARK = 'build/handler.js';
const SOURCES = [
	'src',
	'lessons',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];

/**
 * The newest modification time under a path.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const built = existsSync(BUILD_MARK) ? statSync(BUILD_MARK).mtimeMs : 0;
if (built === 0 || SOURCES.some((path) => newest(path) > built)) {
	process.stdout.write(
		built === 0 ? 'No build yet: building…\n' : 'Sources changed: rebuilding…\n'
	);
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.DATA_DIR ??= 'data';
await import(join(process.cwd(), 'build/index.js'));
