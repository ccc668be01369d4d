/**
 * `npm start`: builds when the build is missing or older than the sources, then serves it with
 * the Node adapter (PORT, default 3000; HOST, default 0.0.0.0; DATA_DIR, default ./data), over
 * plain HTTP or behind a proxy, telling the app which scheme each request came by.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopback, joinOrigins } from '../src/lib/server/network.js';
import { secureResponses } from './security.js';

const BUILD_MARK = 'build/handler.js';
const SOURCES = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	// The Content Security Policy the build puts in prerendered pages.
	'scripts/security.js',
	// The Arabic font the build cuts.
	'scripts/arabic-font.ts',
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
// adapter-node refuses a body over 512 KB before the app sees it, with a bare error page. The
// app holds each upload to its own limit and says so in the teacher's language: a Word file
// with pictures may have up to 2 MB (MAX_DOCX_BYTES), a draft's autosave 1 MB.
process.env.BODY_SIZE_LIMIT ??= '3M';

// Without ORIGIN or PROTOCOL_HEADER, adapter-node takes every request for HTTPS. A classroom
// laptop serving plain HTTP on the LAN would then refuse every form as cross-site (the browser's
// Origin says http), mark the teacher's session cookie Secure (which the browser drops) and print
// https join links. Unless the operator configured one of them, each request's scheme is told:
// the proxy's X-Forwarded-Proto when there is one, else whether the socket is TLS.
const SCHEME_HEADER = 'x-qiraa-scheme';
const tellScheme = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (tellScheme) process.env.PROTOCOL_HEADER = SCHEME_HEADER;

const { server } = await import(join(process.cwd(), 'build/index.js'));

// Security headers and the Content Security Policy on every response, including the prerendered
// pages, the service worker and /_app files the adapter serves without running the app's hooks.
server.server.prependListener('request', secureResponses(join(process.cwd(), 'build/prerendered')));

if (tellScheme) {
	server.server.prependListener(
		'request',
		/** @param {import('node:http').IncomingMessage} request */
		(request) => {
			const [forwarded = ''] = String(request.headers['x-forwarded-proto'] ?? '')
				.toLowerCase()
				.split(',')
				.map((value) => value.trim());
			const encrypted = 'encrypted' in request.socket && request.socket.encrypted === true;
			request.headers[SCHEME_HEADER] =
				forwarded === 'https' || forwarded === 'http' ? forwarded : encrypted ? 'https' : 'http';
		}
	);
}

// Where phones can reach the server: adapter-node says only "Listening on http://0.0.0.0:3000",
// which no one can type. The same list the teacher's join links use (src/lib/server/network.js).
const listening = () => {
	const host = process.env.HOST || '0.0.0.0';
	const port = process.env.PORT;
	const origins = joinOrigins(new URL(`http://localhost:${port}`), host).origins;
	const lines = isLoopback(host.replace(/^\[|\]$/g, ''))
		? [`Only this computer can reach it (HOST=${host}): http://localhost:${port}`]
		: [
				`Open Qiraa on this computer at http://localhost:${port}`,
				...(origins.length === 0
					? ['This computer is on no network: phones cannot reach it.']
					: [
							'Phones and other computers on the same network can reach it at:',
							...origins.map((origin) => `  ${origin}`)
						])
			];
	process.stdout.write(lines.join('\n') + '\n');
};
if (server.server.listening) listening();
else server.server.once('listening', listening);
