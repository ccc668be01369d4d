import { describe, expect, it } from 'vitest';
import { filesOnlyFor, type ManifestChunk } from './chunks';

const NODES = '.svelte-kit/generated/client-optimized/nodes';

/** A small client build: the app, a student page, and a teacher page with a layout. */
const manifest: Record<string, ManifestChunk> = {
	'.svelte-kit/generated/client-optimized/app.js': {
		file: '_app/immutable/entry/app.A.js',
		isEntry: true,
		imports: ['_shared.js'],
		dynamicImports: [`${NODES}/0.js`, `${NODES}/2.js`, `${NODES}/3.js`, `${NODES}/4.js`]
	},
	[`${NODES}/0.js`]: { file: '_app/immutable/nodes/0.A.js', isDynamicEntry: true },
	[`${NODES}/2.js`]: {
		file: '_app/immutable/nodes/2.A.js',
		isDynamicEntry: true,
		css: ['_app/immutable/assets/2.A.css'],
		imports: ['_shared.js', '_forms.js'],
		dynamicImports: ['_lazy.js']
	},
	[`${NODES}/3.js`]: {
		file: '_app/immutable/nodes/3.A.js',
		isDynamicEntry: true,
		css: ['_app/immutable/assets/3.A.css']
	},
	[`${NODES}/4.js`]: {
		file: '_app/immutable/nodes/4.A.js',
		isDynamicEntry: true,
		imports: ['_shared.js', '_forms.js', '_qr.js']
	},
	'_shared.js': { file: '_app/immutable/chunks/shared.js' },
	'_forms.js': { file: '_app/immutable/chunks/forms.js', css: ['_app/immutable/assets/forms.css'] },
	'_qr.js': { file: '_app/immutable/chunks/qr.js', assets: ['_app/immutable/assets/qr.wasm'] },
	'_lazy.js': { file: '_app/immutable/chunks/lazy.js' }
};

const route = (path: string) =>
	`export { default as component } from "../../../../src/routes/${path}";`;

const nodeSources = {
	[`/${NODES}/0.js`]: route('+layout.svelte'),
	[`/${NODES}/2.js`]: route('[[lang=lang]]/lessons/[id=slug]/+page.svelte'),
	[`/${NODES}/3.js`]: route('[[lang=lang]]/teach/+layout.svelte'),
	[`/${NODES}/4.js`]: route('[[lang=lang]]/teach/classes/+page.svelte')
};

const TEACH = /\/src\/routes\/(?:[^"]*\/)?teach\//;

describe('filesOnlyFor', () => {
	it('finds the files only the area loads', () => {
		expect([...filesOnlyFor(manifest, nodeSources, TEACH)].sort()).toEqual([
			'/_app/immutable/assets/3.A.css',
			'/_app/immutable/assets/qr.wasm',
			'/_app/immutable/chunks/qr.js',
			'/_app/immutable/nodes/3.A.js',
			'/_app/immutable/nodes/4.A.js'
		]);
	});

	it('keeps what other pages share with the area, lazily loaded files included', () => {
		const only = filesOnlyFor(manifest, nodeSources, TEACH);
		for (const file of [
			'/_app/immutable/chunks/shared.js',
			'/_app/immutable/chunks/forms.js',
			'/_app/immutable/assets/forms.css',
			'/_app/immutable/chunks/lazy.js',
			'/_app/immutable/entry/app.A.js'
		]) {
			expect(only.has(file), file).toBe(false);
		}
	});

	it('finds nothing without a manifest or node sources', () => {
		expect(filesOnlyFor({}, nodeSources, TEACH).size).toBe(0);
		expect(filesOnlyFor(manifest, {}, TEACH).size).toBe(0);
	});

	it('does not take a route that only contains the word for the area', () => {
		const sources = {
			...nodeSources,
			[`/${NODES}/2.js`]: route('[[lang=lang]]/teachers-guide/+page.svelte')
		};
		expect(filesOnlyFor(manifest, sources, TEACH).has('/_app/immutable/nodes/2.A.js')).toBe(false);
	});
});
