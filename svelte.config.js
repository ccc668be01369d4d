import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
