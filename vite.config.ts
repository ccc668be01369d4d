import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { arabicFont } from './scripts/arabic-font';

const FRAMEWORK = /\/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|i18next)\//;

export default defineConfig({
	plugins: [arabicFont(), sveltekit()],
	environments: {
		client: {
			build: {
				rollupOptions: {
					output: {
						// Svelte, SvelteKit's client and i18next are loaded by every page at start: in
						// one file rather than in the 20 or so pieces Rollup cuts them into by which
						// pages share what. The server speaks HTTP/1.1 (six connections at a time), so
						// on a phone's slow link every extra file costs a round trip before hydration.
						manualChunks: (id: string) => (FRAMEWORK.test(id) ? 'framework' : undefined)
					}
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		// Property tests compile hundreds of lessons and password tests hash with scrypt: seconds of
		// CPU that a busy two-core CI machine can stretch past the 5 s default. No test is timed.
		testTimeout: 30_000
	}
});
