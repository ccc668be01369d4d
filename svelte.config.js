import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/security.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// src/lib/client/sw.ts registers it through workbox-window, which also offers updates.
		serviceWorker: { register: false },
		// Each page's few kilobytes of CSS go inside its HTML: a separate stylesheet is a
		// render-blocking round trip, which on a phone's slow connection delays the first paint.
		inlineStyleThreshold: 16 * 1024,
		// Hashes of the inline script and styles on prerendered pages (in a <meta>, and in the
		// header scripts/start.js sends), a nonce on pages rendered per request.
		csp: { mode: 'auto', directives: CSP_DIRECTIVES },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
