/**
 * The Content Security Policy and the other security headers, in one place: svelte.config.js
 * gives the policy to SvelteKit (`kit.csp`, which adds hashes to prerendered pages and nonces to
 * dynamic ones), and `npm start` (scripts/start.js) puts the headers on every response the Node
 * server sends, prerendered pages, the service worker and static files included, which
 * SvelteKit's `handle` hook never sees.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} CspDirectives */

/**
 * Everything comes from our own origin: no CDN, no analytics, no third party. `data:` only for
 * images (the class's QR code is an SVG data URL). Inline scripts and `<style>` blocks (each
 * page's CSS is inlined) are allowed by the hash or nonce SvelteKit adds, nothing else; style
 * attributes (`style:--scale` on the passage, and app.html's wrapper) are allowed, since a hash
 * cannot follow a value that changes and CSS in an attribute cannot run script.
 *
 * @type {CspDirectives}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-inline'],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'frame-src': ['none'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/**
 * Sent with every response. HSTS is left to whoever terminates TLS: a classroom laptop serves
 * plain HTTP on the LAN, and `upgrade-insecure-requests` would break it the same way.
 */
export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
};

/**
 * Sent, with a Content-Security-Policy, with what a browser may show as a document (a page, an
 * SVG) or run as a worker: they govern nothing else. On a page's 30 scripts, fonts and data files,
 * over HTTP/1.1 (a classroom laptop's LAN), they were 19 KB of the 187 KB a phone downloaded.
 */
export const DOCUMENT_HEADERS = {
	// For browsers that predate CSP's frame-ancestors.
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy':
		'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
		'magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()'
};

/** Content types that are never a document: scripts (but a worker's), styles, fonts, data. */
const SUBRESOURCE =
	/^(?:text\/(?:css|javascript|csv|plain)|application\/(?:javascript|json|manifest\+json|wasm|zip|octet-stream)|font\/|image\/(?!svg))/i;

/** The service worker's script: its response's policy is the worker's. */
const WORKER_PATH = '/service-worker.js';

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'strict-dynamic']);

/**
 * A policy as a header value.
 * @param {CspDirectives} directives
 */
export function cspHeader(directives) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[
				name,
				...(sources ?? []).map((/** @type {string} */ s) => (KEYWORDS.has(s) ? `'${s}'` : s))
			].join(' ')
		)
		.join('; ');
}

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/**
 * Each prerendered page's policy, by the path it is served at: the one SvelteKit put in its
 * `<meta>` (with the hashes of its inline script and styles) plus frame-ancestors, which a
 * `<meta>` cannot carry.
 * @param {string} dir the build's `prerendered` folder
 * @returns {Map<string, string>}
 */
function prerenderedPolicies(dir) {
	const policies = new Map();
	const framing = cspHeader({ 'frame-ancestors': CSP_DIRECTIVES['frame-ancestors'] });
	// A build whose pages all render on request has no such folder.
	if (!existsSync(dir)) return policies;
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		const meta = META.exec(readFileSync(join(dir, file), 'utf8'));
		if (!meta?.[1]) continue;
		const policy = meta[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
		const path = `/${file.split(sep).join('/')}`.replace(/\.html$/, '').replace(/^\/index$/, '/');
		policies.set(path, `${policy}; ${framing}`);
	}
	return policies;
}

/** @param {string} url */
function pathOf(url) {
	const { pathname } = new URL(url, 'http://x');
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
}

/**
 * A request listener to run before the app's: it sets `SECURITY_HEADERS` on every response, and
 * on a document or the service worker (anything but a known subresource type) `DOCUMENT_HEADERS`
 * and a Content-Security-Policy where the app sent none (SvelteKit sends one with each page it
 * renders): a prerendered page's own, also on a 304 (whose headers replace the cached ones), and
 * the full policy on anything else.
 * @param {string} prerenderedDir
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function secureResponses(prerenderedDir) {
	const pages = prerenderedPolicies(prerenderedDir);
	const full = cspHeader(CSP_DIRECTIVES);
	return (request, response) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
		const writeHead = response.writeHead;
		/** @type {typeof response.writeHead} */
		const wrapped = function (...args) {
			const given = args.find(
				(arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg)
			);
			/** @param {string} name */
			const header = (name) =>
				Object.entries(given ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ??
				response.getHeader(name);
			const path = pathOf(request.url ?? '/');
			const type = String(header('content-type') ?? '');
			if (path === WORKER_PATH || pages.has(path) || !SUBRESOURCE.test(type)) {
				for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) {
					response.setHeader(name, value);
				}
				if (header('content-security-policy') === undefined) {
					response.setHeader('content-security-policy', pages.get(path) ?? full);
				}
			}
			// @ts-expect-error: the arguments are passed on exactly as given
			return writeHead.apply(this, args);
		};
		response.writeHead = wrapped;
	};
}
