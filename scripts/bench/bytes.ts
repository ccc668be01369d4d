/**
 * Byte sizes read from the production build, with no browser and no clock: the lesson page's own
 * HTML, JavaScript, CSS and fonts. The same numbers on every machine for the same build, so the
 * byte-budget test can run them in `npm test`.
 *
 * Transfer sizes are gzip at level 9 for text (the server sends the build's precompressed .gz or
 * .br, which are no larger) and the file's own size for fonts and images, which are compressed
 * formats that the server sends as they are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './figures';

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
 * links, and the entry modules its inline script imports. Paths come back resolved against the
 * page's own path, as the browser resolves them.
 */
export function pageLinks(html: string, pagePath: string): { js: string[]; css: string[] } {
	const base = `http://qiraa.invalid${pagePath}`;
	const resolve = (href: string) => new URL(href, base).pathname;
	const js = new Set<string>();
	const css = new Set<string>();
	for (const [tag] of html.matchAll(LINK)) {
		const rel = value(attribute(tag, 'rel'))?.toLowerCase().split(/\s+/) ?? [];
		const href = value(attribute(tag, 'href'));
		if (href === undefined) continue;
		if (rel.includes('modulepreload')) js.add(resolve(href));
		// SvelteKit leaves a disabled link beside CSS it inlined; the browser does not fetch it.
		else if (rel.includes('stylesheet') && !/\sdisabled\b/i.test(tag)) css.add(resolve(href));
	}
	for (const [, href] of html.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
		js.add(resolve(href!));
	}
	return { js: [...js], css: [...css] };
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

export interface PageBytes {
	page: string;
	html: Asset;
	js: Asset[];
	css: Asset[];
	fonts: Asset[];
	totals: Record<'html' | 'js' | 'css' | 'fonts' | 'all', Totals>;
}

/**
 * A prerendered page's own bytes: its HTML, every module it preloads or imports, its stylesheets
 * and every font those stylesheets name (a page that shows Arabic in both typefaces loads both).
 */
export function pageBytes(buildDir: string, pagePath: string): PageBytes {
	const htmlFile = pageFile(buildDir, pagePath);
	const html = assetOf(pagePath, htmlFile);
	const text = readFileSync(htmlFile, 'utf8');
	const links = pageLinks(text, pagePath);
	const load = (path: string) => {
		const file = fileForPath(buildDir, path);
		if (file === null) throw new Error(`${pagePath} links to ${path}, which is not in the build`);
		return assetOf(path, file);
	};
	const js = links.js.map(load);
	const css = links.css.map(load);
	const fontPaths = new Set([
		...css.flatMap((sheet) => cssFonts(readFileSync(sheet.file, 'utf8'), sheet.path)),
		...inlineStyles(text).flatMap((style) => cssFonts(style, pagePath))
	]);
	const fonts = [...fontPaths].map(load);
	return {
		page: pagePath,
		html,
		js,
		css,
		fonts,
		totals: {
			html: totals([html]),
			js: totals(js),
			css: totals(css),
			fonts: totals(fonts),
			all: totals([html, ...js, ...css, ...fonts])
		}
	};
}

/** The prerendered lesson pages of the default (Arabic) UI, e.g. `/lessons/x`. */
export function lessonPages(buildDir: string): string[] {
	const dir = join(buildDir, 'prerendered', 'lessons');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.html'))
		.map((name) => `/lessons/${name.slice(0, -'.html'.length)}`)
		.sort();
}

/** The byte figures of the lesson pages, with their budgets. */
export function bytesFigures(pages: readonly PageBytes[]): Figure[] {
	return pages.flatMap(({ page, totals: sizes }) => [
		figure('bytes', `${page} · HTML`, sizes.html.transfer, 'bytes'),
		figure(
			'bytes',
			`${page} · JavaScript (${sizes.js.files} files)`,
			sizes.js.transfer,
			'bytes',
			'lessonJs'
		),
		figure('bytes', `${page} · CSS (${sizes.css.files} files)`, sizes.css.transfer, 'bytes'),
		figure('bytes', `${page} · fonts (${sizes.fonts.files} files)`, sizes.fonts.transfer, 'bytes'),
		figure('bytes', `${page} · total`, sizes.all.transfer, 'bytes', 'lessonTransfer')
	]);
}
