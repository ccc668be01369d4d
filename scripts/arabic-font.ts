/**
 * The fonts the app ships, cut from @fontsource's Noto Naskh Arabic at build time:
 * - its Arabic letters at 400 (text) and 700 (headings, buttons and other bold text; weights
 *   above 500 use it), each cut to `ARABIC_FONT_RANGES`: the letters, vowel and Quranic marks,
 *   digits and punctuation of Arabic, the Persian letters Iraqi and Kurdish names use (پ چ ژ ڤ ک گ
 *   ی) and the joiners and direction marks. The cut keeps the font's shaping rules (joining forms,
 *   lam-alef, mark placement), so a page looks the same; what it leaves out (the rest of the
 *   Persian and Urdu letters, the presentation forms, the Arabic Supplement and Extended blocks)
 *   the browser draws with a system font;
 * - its own Latin, drawn to sit beside Naskh, for Latin letters and digits inside Arabic
 *   passages, options and prompts (without it they fell to a system serif): Basic Latin and
 *   typographic punctuation, at 400 only (a bold Arabic prompt's digits are drawn at 400: 7 KB
 *   more for a bold Latin was not worth it). The interface's Latin stays in the system's sans.
 * The lessons and the Arabic interface use only `ARABIC_FONT_RANGES`: scripts/arabic-font.spec.ts
 * checks both, and that src/app.css names each cut's ranges in its `unicode-range`.
 *
 * The Vite plugin below writes the cut fonts once per change of their source, where `$fonts`
 * points, before Vite reads the CSS and the layout that name them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

type Ranges = readonly (readonly [number, number])[];

/** Inclusive code point ranges of the Arabic cuts (both weights). */
export const ARABIC_FONT_RANGES: Ranges = [
	[0x060c, 0x060c],
	[0x0610, 0x061f],
	[0x0621, 0x065f],
	[0x0660, 0x0671],
	[0x067e, 0x067e],
	[0x0686, 0x0686],
	[0x0698, 0x0698],
	[0x06a4, 0x06a4],
	[0x06a9, 0x06a9],
	[0x06af, 0x06af],
	[0x06cc, 0x06cc],
	[0x06f0, 0x06f9],
	[0x200c, 0x200f]
];

/**
 * The Latin of Arabic passages: Basic Latin, the no-break space, the guillemets Arabic quotes
 * with, dashes, quotes, ellipsis.
 */
export const LATIN_FONT_RANGES: Ranges = [
	[0x0020, 0x007e],
	[0x00a0, 0x00a0],
	[0x00ab, 0x00ab],
	[0x00bb, 0x00bb],
	[0x2013, 0x2014],
	[0x2018, 0x2019],
	[0x201c, 0x201d],
	[0x2026, 0x2026]
];

/** One font file the build cuts. */
export interface FontCut {
	/** The name it is written under, in `$fonts`. */
	file: string;
	/** The @fontsource file it is cut from. */
	source: string;
	ranges: Ranges;
}

const FILES = '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic';

export const FONT_CUTS: readonly FontCut[] = [
	{
		file: 'noto-naskh-arabic-400.woff2',
		source: `${FILES}-arabic-400-normal.woff2`,
		ranges: ARABIC_FONT_RANGES
	},
	{
		file: 'noto-naskh-arabic-700.woff2',
		source: `${FILES}-arabic-700-normal.woff2`,
		ranges: ARABIC_FONT_RANGES
	},
	{
		file: 'noto-naskh-latin-400.woff2',
		source: `${FILES}-latin-400-normal.woff2`,
		ranges: LATIN_FONT_RANGES
	}
];

/** Where the cut fonts are written: `$fonts` in app code. */
export const FONTS_DIR = join('node_modules', '.cache', 'qiraa-fonts');

export function rangesText(ranges: Ranges): string {
	let text = '';
	for (const [first, last] of ranges) {
		for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
	}
	return text;
}

/** The ranges as CSS writes them: `U+600-6FF, U+200C-200F`. */
export function unicodeRange(ranges: Ranges): string {
	const hex = (code: number) => code.toString(16).toUpperCase();
	return ranges
		.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`))
		.join(', ');
}

async function writeCutFont(root: string, cut: FontCut): Promise<void> {
	const require = createRequire(join(root, 'package.json'));
	const source = await readFile(require.resolve(cut.source));
	const { version } = require('subset-font/package.json') as { version: string };
	const key = createHash('sha256')
		.update(source)
		.update(JSON.stringify(cut.ranges))
		.update(version)
		.digest('hex');
	const dir = join(root, FONTS_DIR);
	const keyFile = join(dir, `${cut.file}.key`);
	const known = await readFile(keyFile, 'utf8').catch(() => '');
	if (known === key) return;
	const { default: subsetFont } = await import('subset-font');
	const font = await subsetFont(source, rangesText(cut.ranges), { targetFormat: 'woff2' });
	// Written aside and renamed: a build running beside this one never reads half a font.
	await mkdir(dir, { recursive: true });
	const part = join(dir, `${cut.file}.${process.pid}`);
	await writeFile(part, font);
	await rename(part, join(dir, cut.file));
	await writeFile(keyFile, key);
}

export function arabicFont(): Plugin {
	let root = process.cwd();
	return {
		name: 'qiraa:arabic-font',
		config: (config) => {
			root = config.root ?? root;
			return { resolve: { alias: { $fonts: join(root, FONTS_DIR) } } };
		},
		buildStart: async () => {
			await Promise.all(FONT_CUTS.map((cut) => writeCutFont(root, cut)));
		}
	};
}
