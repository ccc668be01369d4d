/**
 * Byte sizes read from the production build, with no browser and no clock: the lesson page's own
 * HTML, JavaScript (with the data its code fetches at start), CSS and fonts, and the JavaScript it
 * loads only later, on use. The same numbers on every machine for the same build, so the
 * byte-budget test can run them in `npm test`.
 *
 * Transfer sizes are gzip at level 9 for text (the server sends the build's precompressed .gz or
 * .br, which are no larger) and the file's own size for fonts and images, which are compressed
 * formats that the server sends as they are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ManifestChunk } from '../../src/service-worker/chunks';
import { figure, formatValue, type Figure } from './figures';

export type AssetKind = 'html' | 'js' | 'css' | 'font' | 'data' | 'other';

export interface Asset {
	/** The URL path the browser asks for, e.g. `/_app/immutable/chunks/x.js`. */
	path: string;
	/** Where it is in the build. */
	file: string;
	kind: AssetKind;
	raw: number;
	/** Bytes on the wire (see the module comment). */
	transfer: number;
}

export interface Totals {
	files: number;
	raw: number;
	transfer: number;
}

const TEXT = /\.(html|js|mjs|css|json|svg|txt|webmanifest|xml|map)$/;

export function kindOf(path: string): AssetKind {
	if (/\.html?$/.test(path)) return 'html';
	if (/\.m?js$/.test(path)) return 'js';
	if (/\.css$/.test(path)) return 'css';
	if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
	if (/\.json$/.test(path)) return 'data';
	return 'other';
}

/** The bytes of a file on the wire: gzip -9 for text, the file itself for compressed formats. */
export function transferSize(path: string, content: Buffer): number {
	return TEXT.test(path) ? gzipSync(content, { level: 9 }).length : content.length;
}

/** An asset of the build, from the file that serves `path`. */
export function assetOf(path: string, file: string): Asset {
	const content = readFileSync(file);
	return {
		path,
		file,
		kind: kindOf(file),
		raw: content.length,
		transfer: transferSize(file, content)
	};
}

export function totals(assets: readonly Asset[]): Totals {
	return {
		files: assets.length,
		raw: assets.reduce((sum, asset) => sum + asset.raw, 0),
		transfer: assets.reduce((sum, asset) => sum + asset.transfer, 0)
	};
}

/**
 * The file in the build that answers a URL path: a client asset, or a prerendered page or data
 * file (`/lessons/x` is `prerendered/lessons/x.html`, `/` is `prerendered/index.html`).
 */
export function fileForPath(buildDir: string, path: string): string | null {
	const clean = decodeURIComponent(path.split(/[?#]/)[0]!).replace(/^\/+/, '');
	const candidates = [
		join(buildDir, 'client', clean),
		join(buildDir, 'prerendered', clean === '' ? 'index.html' : `${clean}.html`),
		join(buildDir, 'prerendered', clean, 'index.html'),
		join(buildDir, 'prerendered', clean)
	];
	return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/** The prerendered HTML file of a page path, e.g. `/lessons/x`. */
export function pageFile(buildDir: string, pagePath: string): string {
	const file = fileForPath(buildDir, pagePath);
	if (file === null || kindOf(file) !== 'html') {
		throw new Error(`${pagePath} is not prerendered in ${buildDir}`);
	}
	return file;
}

const LINK = /<link\b[^>]*>/g;
const attribute = (tag: string, name: string) =>
	new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
const value = (match: RegExpExecArray | null) => match?.[1] ?? match?.[2] ?? match?.[3];

/**
 * What a page's HTML makes the browser fetch before it can run: modulepreload and stylesheet
 * links, the entry modules its inline script imports, and the data its code fetches at start
 * (`<link rel="preload" as="fetch">`, such as the UI messages). Paths come back resolved against
 * the page's own path, as the browser resolves them.
 */
export function pageLinks(
	html: string,
	pagePath: string
): { js: string[]; css: string[]; data: string[]; nodes: number[] } {
	const base = `http://qiraa.invalid${pagePath}`;
	const resolve = (href: string) => new URL(href, base).pathname;
	const js = new Set<string>();
	const css = new Set<string>();
	const data = new Set<string>();
	for (const [tag] of html.matchAll(LINK)) {
		const rel = value(attribute(tag, 'rel'))?.toLowerCase().split(/\s+/) ?? [];
		const href = value(attribute(tag, 'href'));
		if (href === undefined) continue;
		if (rel.includes('modulepreload')) js.add(resolve(href));
		else if (rel.includes('preload') && value(attribute(tag, 'as')) === 'fetch') {
			data.add(resolve(href));
		}
		// SvelteKit leaves a disabled link beside CSS it inlined; the browser does not fetch it.
		else if (rel.includes('stylesheet') && !/\sdisabled\b/i.test(tag)) css.add(resolve(href));
	}
	for (const [, href] of html.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
		js.add(resolve(href!));
	}
	// The router's nodes (layouts and page) the inline script starts the page with.
	const ids = /\bnode_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1] ?? '';
	const nodes = ids
		.split(',')
		.filter((id) => id.trim() !== '')
		.map(Number);
	return { js: [...js], css: [...css], data: [...data], nodes };
}

/**
 * The JavaScript a page runs at start: the modules its HTML names, the router's nodes it starts
 * with, and everything those import statically. Counted from the build's manifest rather than from
 * preload hints, which a page rendered on request sends in a `Link` header, or not at all.
 *
 * @param named the URL paths of the modules the HTML preloads or imports
 * @param nodes the router's node ids the page starts with (`node_ids` in its inline script)
 */
export function startupFiles(
	manifest: Record<string, ManifestChunk>,
	named: readonly string[],
	nodes: readonly number[]
): string[] {
	const files = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || files.has(`/${chunk.file}`)) return;
		files.add(`/${chunk.file}`);
		(chunk.imports ?? []).forEach(visit);
	};
	const wanted = new Set(named);
	for (const [key, chunk] of Object.entries(manifest)) {
		const node = ROUTER_NODE.exec(key);
		if (wanted.has(`/${chunk.file}`) || (node && nodes.includes(Number(node[1])))) visit(key);
	}
	// A named module the manifest does not know (there is none in a normal build) still counts.
	named.forEach((path) => files.add(path));
	return [...files];
}

/** Font files a stylesheet points at with `url(…)`, resolved against the stylesheet's path. */
export function cssFonts(css: string, cssPath: string): string[] {
	const base = `http://qiraa.invalid${cssPath}`;
	const fonts = new Set<string>();
	for (const [, quoted, bare] of css.matchAll(/url\(\s*(?:["']([^"']+)["']|([^)\s]+))\s*\)/g)) {
		const href = quoted ?? bare!;
		if (kindOf(href) === 'font') fonts.add(new URL(href, base).pathname);
	}
	return [...fonts];
}

/** The text of a page's `<style>` elements (CSS the build inlined). */
export function inlineStyles(html: string): string[] {
	return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
}

const ROUTER_NODE = /\/generated\/client(?:-optimized)?\/nodes\/(\d+)\.js$/;

/**
 * The JavaScript a page loads only later, on use: every chunk that the page's start-up modules
 * import dynamically (a dialog opened on a tap, the service worker's registration once the page
 * has loaded), with what those import in turn, less what the page has loaded already. The
 * router's imports of other pages' code are navigation, not this page's, and are left out.
 *
 * @param startup the URL paths of the modules the page loads at start
 */
export function laterFiles(
	manifest: Record<string, ManifestChunk>,
	startup: readonly string[]
): string[] {
	const loaded = new Set(startup);
	const later = new Set<string>();
	const seen = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || seen.has(key) || ROUTER_NODE.test(key)) return;
		seen.add(key);
		if (!loaded.has(`/${chunk.file}`)) later.add(`/${chunk.file}`);
		[...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
	};
	for (const chunk of Object.values(manifest)) {
		if (loaded.has(`/${chunk.file}`)) (chunk.dynamicImports ?? []).forEach(visit);
	}
	return [...later];
}

/** Vite's manifest of the client build, or null when there is none. */
function clientManifest(svelteKitDir: string): Record<string, ManifestChunk> | null {
	const file = join(svelteKitDir, 'output', 'client', '.vite', 'manifest.json');
	return existsSync(file)
		? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>)
		: null;
}

export interface PageBytes {
	page: string;
	html: Asset;
	/** Modules loaded at start. */
	js: Asset[];
	/** Data the page's code fetches at start (preloaded). */
	data: Asset[];
	css: Asset[];
	fonts: Asset[];
	/** Modules loaded only later, on use (not in `all`). */
	later: Asset[];
	/** `startup` is `js` and `data`: everything the page's code needs before it responds. */
	totals: Record<'html' | 'js' | 'data' | 'startup' | 'css' | 'fonts' | 'later' | 'all', Totals>;
}

/**
 * A page's own bytes: its HTML, every module it preloads or imports, the data it preloads for its
 * code, its stylesheets and every font those stylesheets name (a page that shows Arabic in both
 * typefaces loads both); and apart from those, the modules it may load later.
 *
 * @param served the page's HTML as the server sent it, for a page rendered on request (lesson
 *   pages are); without it, the prerendered file in the build
 */
export function pageBytes(
	buildDir: string,
	pagePath: string,
	svelteKitDir = '.svelte-kit',
	served?: string
): PageBytes {
	let html: Asset;
	let text: string;
	if (served === undefined) {
		const htmlFile = pageFile(buildDir, pagePath);
		html = assetOf(pagePath, htmlFile);
		text = readFileSync(htmlFile, 'utf8');
	} else {
		const content = Buffer.from(served);
		html = {
			path: pagePath,
			file: '(served)',
			kind: 'html',
			raw: content.length,
			transfer: transferSize('page.html', content)
		};
		text = served;
	}
	const links = pageLinks(text, pagePath);
	const load = (path: string) => {
		const file = fileForPath(buildDir, path);
		if (file === null) throw new Error(`${pagePath} links to ${path}, which is not in the build`);
		return assetOf(path, file);
	};
	const manifest = clientManifest(svelteKitDir);
	const startup = manifest === null ? links.js : startupFiles(manifest, links.js, links.nodes);
	const js = startup.map(load);
	const data = links.data.map(load);
	const css = links.css.map(load);
	const fontPaths = new Set([
		...css.flatMap((sheet) => cssFonts(readFileSync(sheet.file, 'utf8'), sheet.path)),
		...inlineStyles(text).flatMap((style) => cssFonts(style, pagePath))
	]);
	const fonts = [...fontPaths].map(load);
	const later = manifest === null ? [] : laterFiles(manifest, startup).map(load);
	return {
		page: pagePath,
		html,
		js,
		data,
		css,
		fonts,
		later,
		totals: {
			html: totals([html]),
			js: totals(js),
			data: totals(data),
			startup: totals([...js, ...data]),
			css: totals(css),
			fonts: totals(fonts),
			later: totals(later),
			all: totals([html, ...js, ...data, ...css, ...fonts])
		}
	};
}

/** The shipped lessons' pages in the default (Arabic) UI, e.g. `/lessons/x`: one per folder. */
export function lessonPages(lessonsDir = 'lessons'): string[] {
	if (!existsSync(lessonsDir)) return [];
	return readdirSync(lessonsDir, { withFileTypes: true })
		.filter(
			(entry) => entry.isDirectory() && existsSync(join(lessonsDir, entry.name, 'lesson.yaml'))
		)
		.map((entry) => `/lessons/${entry.name}`)
		.sort();
}

/**
 * The byte figures of the lesson pages, with their budgets, and of other pages (the library)
 * without: the budgets are set for a lesson's first load.
 */
export function bytesFigures(
	pages: readonly PageBytes[],
	others: readonly PageBytes[] = []
): Figure[] {
	const pageFigures = ({ page, totals: sizes }: PageBytes, budgeted: boolean) => [
		figure('bytes', `${page} · HTML`, sizes.html.transfer, 'bytes'),
		figure(
			'bytes',
			`${page} · JavaScript at start (${sizes.js.files} modules + ${sizes.data.files} data)`,
			sizes.startup.transfer,
			'bytes',
			budgeted ? 'lessonJs' : undefined,
			`modules ${formatValue(sizes.js.transfer, 'bytes')}, data ${formatValue(sizes.data.transfer, 'bytes')}`
		),
		figure(
			'bytes',
			`${page} · JavaScript later, on use (${sizes.later.files} files)`,
			sizes.later.transfer,
			'bytes'
		),
		figure('bytes', `${page} · CSS (${sizes.css.files} files)`, sizes.css.transfer, 'bytes'),
		figure('bytes', `${page} · fonts (${sizes.fonts.files} files)`, sizes.fonts.transfer, 'bytes'),
		figure(
			'bytes',
			`${page} · total`,
			sizes.all.transfer,
			'bytes',
			budgeted ? 'lessonTransfer' : undefined
		)
	];
	return [
		...pages.flatMap((page) => pageFigures(page, true)),
		...others.flatMap((page) => pageFigures(page, false))
	];
}
