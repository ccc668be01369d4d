import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { arabicFont } from './scripts/arabic-font';
import { lessons } from './scripts/compile/vite';

export default defineConfig({
	plugins: [arabicFont(), lessons(), sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		// Property tests compile hundreds of lessons and password tests hash with scrypt: seconds of
		// CPU that a busy two-core CI machine can stretch past the 5 s default. No test is timed.
		testTimeout: 30_000
	}
});
