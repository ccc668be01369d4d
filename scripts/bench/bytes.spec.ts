import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cssFonts, fileForPath, laterFiles, pageBytes, pageLinks, startupFiles } from './bytes';

let root: string;

function put(path: string, content: string | Buffer) {
	const file = join(root, path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, content);
}

const FONT = Buffer.alloc(1000, 7);
/** Another page's code, which the router imports when the student goes there. */
const NODE_3 = '.svelte-kit/generated/client-optimized/nodes/3.js';
const LESSON_HTML = `<!doctype html><html><head>
<link href="../_app/immutable/entry/start.js" rel="modulepreload">
<link rel="modulepreload" href="../_app/immutable/chunks/a.js">
<link href="../_app/immutable/assets/page.css" rel="stylesheet">
<link rel="icon" href="../favicon.svg">
<link rel="preload" href="/_app/immutable/assets/ar.json" as="fetch" crossorigin="anonymous">
<link rel="preload" href="/_app/immutable/assets/sans.woff2" as="font" crossorigin="anonymous">
<link href="../_app/immutable/assets/inlined.css" rel="stylesheet" disabled media="(max-width: 0)">
<style>@font-face{src:url(/_app/immutable/assets/sans.woff2)}</style>
</head><body><script>Promise.all([import("../_app/immutable/entry/start.js"), import("../_app/immutable/entry/app.js")])</script></body></html>`;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'qiraa-bytes-'));
	put('build/client/_app/immutable/entry/start.js', 'export const start = 1;');
	put('build/client/_app/immutable/entry/app.js', 'export const app = 2;'.repeat(50));
	put('build/client/_app/immutable/chunks/a.js', 'export const a = 3;');
	put('build/client/_app/immutable/chunks/dialog.js', 'export const dialog = 4;');
	put('build/client/_app/immutable/chunks/shared.js', 'export const shared = 5;');
	put('build/client/_app/immutable/nodes/3.js', 'export const other = 6;');
	put('build/client/_app/immutable/assets/ar.json', '{"nav":{"skip":"انتقل"}}');
	put(
		'build/client/_app/immutable/assets/page.css',
		"@font-face{src:url(./naskh.woff2) format('woff2')}body{color:red}"
	);
	put('build/client/_app/immutable/assets/naskh.woff2', FONT);
	put('build/client/_app/immutable/assets/sans.woff2', FONT);
	put('build/client/_app/immutable/assets/naskh.woff2.gz', 'ignored');
	put('build/client/favicon.svg', '<svg/>');
	put('build/prerendered/index.html', '<html>home</html>');
	put('build/prerendered/lessons/x.html', LESSON_HTML);
	put('build/prerendered/lessons/x/__data.json', '{"x":1}');
	put(
		'.svelte-kit/output/client/.vite/manifest.json',
		JSON.stringify({
			start: { file: '_app/immutable/entry/start.js' },
			app: {
				file: '_app/immutable/entry/app.js',
				css: ['_app/immutable/assets/page.css'],
				dynamicImports: [NODE_3]
			},
			[NODE_3]: { file: '_app/immutable/nodes/3.js', isDynamicEntry: true },
			a: {
				file: '_app/immutable/chunks/a.js',
				assets: ['_app/immutable/assets/naskh.woff2', '_app/immutable/assets/ar.json'],
				dynamicImports: ['dialog']
			},
			dialog: {
				file: '_app/immutable/chunks/dialog.js',
				imports: ['a', 'shared'],
				isDynamicEntry: true
			},
			shared: { file: '_app/immutable/chunks/shared.js' }
		})
	);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('pageLinks', () => {
	it('finds preloaded and imported modules, stylesheets and data, resolved against the page', () => {
		expect(pageLinks(LESSON_HTML, '/lessons/x')).toEqual({
			js: [
				'/_app/immutable/entry/start.js',
				'/_app/immutable/chunks/a.js',
				'/_app/immutable/entry/app.js'
			],
			css: ['/_app/immutable/assets/page.css'],
			// A preloaded font is the stylesheets' business, counted with the fonts.
			data: ['/_app/immutable/assets/ar.json'],
			nodes: []
		});
	});

	it("reads the router's nodes the page starts with", () => {
		const html = '<script>kit.start(app, element, { node_ids: [0, 2, 7], data: [] })</script>';
		expect(pageLinks(html, '/').nodes).toEqual([0, 2, 7]);
	});
});

describe('startupFiles', () => {
	const NODE = (id: number) => `.svelte-kit/generated/client-optimized/nodes/${id}.js`;
	const manifest = (): Parameters<typeof startupFiles>[0] => ({
		start: { file: 'start.js', imports: ['runtime'] },
		app: { file: 'app.js', imports: ['runtime'], dynamicImports: [NODE(0), NODE(2), NODE(3)] },
		[NODE(0)]: { file: 'n0.js', imports: ['layout'] },
		[NODE(2)]: { file: 'n2.js', imports: ['layout', 'reader'], dynamicImports: ['cards'] },
		[NODE(3)]: { file: 'n3.js', imports: ['library'] },
		runtime: { file: 'runtime.js' },
		layout: { file: 'layout.js', imports: ['runtime'] },
		reader: { file: 'reader.js' },
		cards: { file: 'cards.js' },
		library: { file: 'library.js' }
	});

	it('follows what the named modules and the starting nodes import, with no preload hint', () => {
		expect(startupFiles(manifest(), ['/start.js', '/app.js'], [0, 2]).sort()).toEqual(
			['/app.js', '/layout.js', '/n0.js', '/n2.js', '/reader.js', '/runtime.js', '/start.js'].sort()
		);
	});

	it("leaves out what is imported on use and other pages' nodes", () => {
		const files = startupFiles(manifest(), ['/start.js', '/app.js'], [0, 2]);
		expect(files).not.toContain('/cards.js');
		expect(files).not.toContain('/n3.js');
		expect(files).not.toContain('/library.js');
	});
});

describe('laterFiles', () => {
	const NODE_6 = '.svelte-kit/generated/client-optimized/nodes/6.js';
	const manifest = (): Parameters<typeof laterFiles>[0] => ({
		app: { file: 'app.js', isEntry: true, dynamicImports: [NODE_6, NODE_3] },
		[NODE_6]: { file: 'n6.js', imports: ['shared'], dynamicImports: ['dialog', 'sw'] },
		[NODE_3]: { file: 'n3.js', imports: ['shared', 'library'] },
		dialog: { file: 'dialog.js', imports: ['shared', 'entry'] },
		entry: { file: 'entry.js' },
		sw: { file: 'sw.js', imports: ['workbox'], dynamicImports: ['dialog'] },
		workbox: { file: 'workbox.js' },
		shared: { file: 'shared.js' },
		library: { file: 'library.js' }
	});

	it("follows the page's dynamic imports and what they import, less what it has loaded", () => {
		const later = laterFiles(manifest(), ['/app.js', '/n6.js', '/shared.js']);
		expect(later.sort()).toEqual(['/dialog.js', '/entry.js', '/sw.js', '/workbox.js']);
	});

	it("leaves out the router's other pages, which are navigation", () => {
		const later = laterFiles(manifest(), ['/app.js', '/n6.js', '/shared.js']);
		expect(later).not.toContain('/n3.js');
		expect(later).not.toContain('/library.js');
	});

	it('finds nothing when the page imports nothing lazily', () => {
		expect(laterFiles(manifest(), ['/app.js', '/n3.js', '/shared.js', '/library.js'])).toEqual([]);
	});
});

describe('cssFonts', () => {
	it('lists the fonts a stylesheet names, quoted or not', () => {
		const css = `a{src:url("../f/one.woff2")} b{src:url(two.woff) format('woff')} c{background:url(x.png)}`;
		expect(cssFonts(css, '/_app/immutable/assets/page.css')).toEqual([
			'/_app/immutable/f/one.woff2',
			'/_app/immutable/assets/two.woff'
		]);
	});
});

describe('fileForPath', () => {
	it('maps pages, data and assets to the files that serve them', () => {
		const build = join(root, 'build');
		expect(fileForPath(build, '/')).toBe(join(build, 'prerendered/index.html'));
		expect(fileForPath(build, '/lessons/x')).toBe(join(build, 'prerendered/lessons/x.html'));
		expect(fileForPath(build, '/lessons/x/__data.json')).toBe(
			join(build, 'prerendered/lessons/x/__data.json')
		);
		expect(fileForPath(build, '/favicon.svg')).toBe(join(build, 'client/favicon.svg'));
		expect(fileForPath(build, '/api/sync')).toBeNull();
	});
});

describe('pageBytes', () => {
	it('adds up the HTML, modules, data, stylesheets and fonts, with gzip for text only', () => {
		const bytes = pageBytes(join(root, 'build'), '/lessons/x', join(root, '.svelte-kit'));
		expect(bytes.js.map((asset) => asset.path)).toHaveLength(3);
		// One from the stylesheet, one from the inlined <style>.
		expect(bytes.fonts).toHaveLength(2);
		expect(bytes.totals.fonts).toEqual({ files: 2, raw: 2000, transfer: 2000 });
		const app = bytes.js.find((asset) => asset.path.endsWith('app.js'))!;
		expect(app.transfer).toBe(gzipSync('export const app = 2;'.repeat(50), { level: 9 }).length);
		expect(app.transfer).toBeLessThan(app.raw);
		expect(bytes.data.map((asset) => asset.path)).toEqual(['/_app/immutable/assets/ar.json']);
		expect(bytes.totals.startup.transfer).toBe(
			bytes.totals.js.transfer + bytes.totals.data.transfer
		);
		expect(bytes.totals.all.files).toBe(1 + 3 + 1 + 1 + 2);
	});

	it('counts the modules loaded later, on use, apart from the first load', () => {
		const bytes = pageBytes(join(root, 'build'), '/lessons/x', join(root, '.svelte-kit'));
		expect(bytes.later.map((asset) => asset.path).sort()).toEqual([
			'/_app/immutable/chunks/dialog.js',
			'/_app/immutable/chunks/shared.js'
		]);
		expect(bytes.totals.later.files).toBe(2);
		expect(bytes.totals.all.transfer).toBe(
			[bytes.html, ...bytes.js, ...bytes.data, ...bytes.css, ...bytes.fonts].reduce(
				(sum, asset) => sum + asset.transfer,
				0
			)
		);
	});

	it('counts nothing as later when the build has no manifest', () => {
		const bytes = pageBytes(join(root, 'build'), '/lessons/x', join(root, 'nowhere'));
		expect(bytes.later).toEqual([]);
	});

	it('is the same every time for the same build', () => {
		const build = join(root, 'build');
		const kit = join(root, '.svelte-kit');
		expect(pageBytes(build, '/lessons/x', kit).totals).toEqual(
			pageBytes(build, '/lessons/x', kit).totals
		);
	});

	it('measures a page rendered on request from the HTML the server sent', () => {
		const build = join(root, 'build');
		const kit = join(root, '.svelte-kit');
		const served = pageBytes(build, '/lessons/served', kit, LESSON_HTML);
		const prerendered = pageBytes(build, '/lessons/x', kit);
		expect(served.totals).toEqual(prerendered.totals);
		expect(served.html.file).toBe('(served)');
	});

	it('refuses a page that is not prerendered', () => {
		expect(() => pageBytes(join(root, 'build'), '/lessons/none')).toThrow(/not prerendered/);
	});
});
