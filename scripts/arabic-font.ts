/**
 * The Arabic font the app ships: @fontsource's Noto Naskh Arabic 400 (its "arabic" file, 52.7 KB)
 * cut down to the Arabic block, U+0600–06FF, and the joiners and direction marks. That block
 * holds every letter, mark, digit and punctuation sign of Arabic, and the extra letters of
 * Persian, Urdu and Kurdish names. The cut keeps the font's shaping rules (joining forms, lam-alef,
 * mark placement), so a page looks the same; it leaves out the Arabic Supplement and Extended blocks
 * and the presentation forms, which the browser then draws with a system font. The lessons and
 * the Arabic interface use only the block: scripts/arabic-font.spec.ts checks both.
 *
 * The Vite plugin below writes the cut font once per change of its source, where `$fonts` points,
 * before Vite reads the CSS and the layout that name it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Inclusive code point ranges; `src/app.css` names the same ones in its `unicode-range`. */
export const ARABIC_FONT_RANGES: readonly (readonly [number, number])[] = [
	[0x0600, 0x06ff],
	[0x200c, 0x200f]
];

export const ARABIC_FONT_FILE = 'noto-naskh-arabic-400.woff2';

const SOURCE = '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2';

/** Where the cut font is written: `$fonts` in app code. */
export const FONTS_DIR = join('node_modules', '.cache', 'qiraa-fonts');

export function rangesText(ranges: readonly (readonly [number, number])[]): string {
	let text = '';
	for (const [first, last] of ranges) {
		for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
	}
	return text;
}

/** The ranges as CSS writes them: `U+600-6FF, U+200C-200F`. */
export function unicodeRange(ranges: readonly (readonly [number, number])[]): string {
	const hex = (code: number) => code.toString(16).toUpperCase();
	return ranges
		.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`))
		.join(', ');
}

async function writeCutFont(root: string): Promise<void> {
	const require = createRequire(join(root, 'package.json'));
	const source = await readFile(require.resolve(SOURCE));
	const { version } = require('subset-font/package.json') as { version: string };
	const key = createHash('sha256')
		.update(source)
		.update(JSON.stringify(ARABIC_FONT_RANGES))
		.update(version)
		.digest('hex');
	const dir = join(root, FONTS_DIR);
	const keyFile = join(dir, `${ARABIC_FONT_FILE}.key`);
	const known = await readFile(keyFile, 'utf8').catch(() => '');
	if (known === key) return;
	const { default: subsetFont } = await import('subset-font');
	const cut = await subsetFont(source, rangesText(ARABIC_FONT_RANGES), { targetFormat: 'woff2' });
	// Written aside and renamed: a build running beside this one never reads half a font.
	await mkdir(dir, { recursive: true });
	const part = join(dir, `${ARABIC_FONT_FILE}.${process.pid}`);
	await writeFile(part, cut);
	await rename(part, join(dir, ARABIC_FONT_FILE));
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
		buildStart: () => writeCutFont(root)
	};
}
