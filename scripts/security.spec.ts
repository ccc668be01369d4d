import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CSP_DIRECTIVES,
	cspHeader,
	DOCUMENT_HEADERS,
	secureResponses,
	SECURITY_HEADERS
} from './security.js';

const PAGE_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const APP_POLICY = "default-src 'self'; script-src 'self' 'nonce-xyz'";

describe('CSP_DIRECTIVES', () => {
	it('names no other origin: keywords only, and data: for images alone', () => {
		for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
			for (const source of (sources ?? []) as string[]) {
				const allowed = ['self', 'none', ...(name === 'style-src-attr' ? ['unsafe-inline'] : [])];
				if (name === 'img-src' && source === 'data:') continue;
				expect(allowed, `${name} ${source}`).toContain(source);
			}
		}
	});

	it('locks down what the issue asks for', () => {
		const header = cspHeader(CSP_DIRECTIVES);
		for (const directive of [
			"default-src 'self'",
			"script-src 'self';",
			"style-src 'self';",
			"worker-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			"frame-ancestors 'none'"
		]) {
			expect(header).toContain(directive);
		}
		expect(header).not.toMatch(/unsafe-eval|https?:|\*/);
	});
});

describe('secureResponses', () => {
	let dir = '';
	let base = '';
	let close = () => {};

	/** What the app behind the listener does for each path, as the adapter would. */
	function app(request: IncomingMessage, response: ServerResponse) {
		switch (request.url) {
			case '/':
			case '/en/lessons/x%20y':
				response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
				break;
			case '/cached':
				response.writeHead(304).end();
				break;
			case '/rendered':
				response.writeHead(200, {
					'content-type': 'text/html',
					'Content-Security-Policy': APP_POLICY
				});
				response.end('<html>');
				break;
			case '/set':
				response.setHeader('content-security-policy', APP_POLICY);
				response.end('{}');
				break;
			case '/service-worker.js':
			case '/_app/immutable/chunks/a.js':
				response.writeHead(200, { 'content-type': 'text/javascript' }).end('export {}');
				break;
			case '/font.woff2':
				response.setHeader('Content-Type', 'font/woff2');
				response.end('wOF2');
				break;
			case '/icon.svg':
				response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
				break;
			default:
				response.statusCode = 404;
				response.end('not found');
		}
	}

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'qiraa-prerendered-'));
		mkdirSync(join(dir, 'en/lessons'), { recursive: true });
		const page = `<head><meta http-equiv="content-security-policy" content="${PAGE_POLICY}"></head>`;
		writeFileSync(join(dir, 'index.html'), page);
		writeFileSync(join(dir, 'cached.html'), page);
		writeFileSync(join(dir, 'en/lessons/x y.html'), page);
		const server = createServer();
		server.on('request', secureResponses(dir));
		server.on('request', app);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		close = () => server.close();
	});
	afterAll(() => {
		close();
		rmSync(dir, { recursive: true, force: true });
	});

	const DOCUMENTS = [
		'/',
		'/en/lessons/x%20y',
		'/cached',
		'/rendered',
		'/set',
		'/service-worker.js',
		'/icon.svg',
		'/no-such-page'
	];
	const SUBRESOURCES = ['/_app/immutable/chunks/a.js', '/font.woff2'];

	it.each([...DOCUMENTS, ...SUBRESOURCES])(
		'%s: carries the headers of every response',
		async (path) => {
			const response = await fetch(`${base}${path}`);
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
				expect(response.headers.get(name)).toBe(value);
			}
		}
	);

	it.each(DOCUMENTS)(
		'%s: a document (or the worker) carries a policy and the rest',
		async (path) => {
			const response = await fetch(`${base}${path}`);
			for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) {
				expect(response.headers.get(name)).toBe(value);
			}
			expect(response.headers.get('content-security-policy')).toBeTruthy();
		}
	);

	it.each(SUBRESOURCES)('%s: a script or font carries no document header', async (path) => {
		const response = await fetch(`${base}${path}`);
		for (const name of [...Object.keys(DOCUMENT_HEADERS), 'content-security-policy']) {
			expect(response.headers.get(name)).toBeNull();
		}
	});

	it('starts on a build that prerendered nothing (no prerendered folder)', () => {
		expect(() => secureResponses(join(dir, 'none'))).not.toThrow();
	});

	it("gives a prerendered page its <meta>'s policy plus frame-ancestors, also on a 304", async () => {
		for (const path of ['/', '/en/lessons/x%20y', '/cached']) {
			const response = await fetch(`${base}${path}`);
			expect(response.headers.get('content-security-policy'), path).toBe(
				`${PAGE_POLICY}; frame-ancestors 'none'`
			);
		}
	});

	it('keeps the policy the app sent, however it set it', async () => {
		for (const path of ['/rendered', '/set']) {
			const response = await fetch(`${base}${path}`);
			expect(response.headers.get('content-security-policy'), path).toBe(APP_POLICY);
		}
	});

	it('gives any other document, and the service worker, the full policy', async () => {
		for (const path of ['/service-worker.js', '/no-such-page', '/icon.svg']) {
			const response = await fetch(`${base}${path}`);
			expect(response.headers.get('content-security-policy'), path).toBe(cspHeader(CSP_DIRECTIVES));
		}
	});
});
