import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARABIC_FONT_RANGES, FONT_CUTS, rangesText, unicodeRange } from './arabic-font';

const covered = (char: string) => {
	const code = char.codePointAt(0)!;
	return ARABIC_FONT_RANGES.some(([first, last]) => code >= first && code <= last);
};

/** Characters of Arabic script, and the joiners and marks Arabic text uses, that the cut font lacks. */
function missing(text: string): string[] {
	const chars = new Set(text.match(/[\p{Script_Extensions=Arabic}\u200c-\u200f]/gu) ?? []);
	return [...chars]
		.filter((char) => !covered(char))
		.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

describe('the Arabic font cut', () => {
	it('names each code point of its ranges once', () => {
		const text = rangesText([
			[0x41, 0x43],
			[0x200c, 0x200c]
		]);
		expect([...text]).toEqual(['A', 'B', 'C', '\u200c']);
		// U+060C, U+0610–061F, U+0621–065F, U+0660–0671, seven Persian letters, the Persian digits
		// and four joiners and marks.
		expect(rangesText(ARABIC_FONT_RANGES)).toHaveLength(1 + 16 + 63 + 18 + 7 + 10 + 4);
	});

	it('writes ranges the way CSS unicode-range does', () => {
		expect(
			unicodeRange([
				[0x600, 0x6ff],
				[0x2010, 0x2010]
			])
		).toBe('U+600-6FF, U+2010');
	});

	it('is the unicode-range src/app.css gives each font it cuts', () => {
		const css = readFileSync('src/app.css', 'utf8');
		for (const cut of FONT_CUTS) {
			const face = new RegExp(
				`src: url\\('\\$fonts/${cut.file.replace(/\./g, '\\.')}'\\) format\\('woff2'\\);\\s*unicode-range:\\s*([^;]+);`
			).exec(css);
			// Prettier may wrap a long list over lines.
			expect(face?.[1]?.replace(/\s+/g, ' '), cut.file).toBe(unicodeRange(cut.ranges));
		}
	});

	it('cuts each weight of a script to its own file', () => {
		expect(new Set(FONT_CUTS.map((cut) => cut.file)).size).toBe(FONT_CUTS.length);
		expect(new Set(FONT_CUTS.map((cut) => cut.source)).size).toBe(FONT_CUTS.length);
	});

	it('covers every Arabic character of every lesson', () => {
		for (const dir of readdirSync('lessons')) {
			for (const file of ['article.ar.txt', 'lesson.yaml']) {
				const path = join('lessons', dir, file);
				expect(missing(readFileSync(path, 'utf8')), path).toEqual([]);
			}
		}
	});

	it('covers every Arabic character of the interface', () => {
		const dir = 'src/lib/i18n/locales';
		for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
			expect(missing(readFileSync(join(dir, file), 'utf8')), file).toEqual([]);
		}
	});

	it('finds characters it lacks', () => {
		expect(missing('سلام ﻻ ݐ ڭ abc')).toEqual(['U+FEFB', 'U+0750', 'U+06AD']);
	});
});
