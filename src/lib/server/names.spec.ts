import { describe, expect, it } from 'vitest';
import { cleanName, nameKey, rendersBlank } from './names';

const reason = (value: unknown) => {
	try {
		cleanName(value, 40);
		return null;
	} catch (error) {
		return (error as { code: string }).code;
	}
};

describe('cleanName', () => {
	it('keeps names in any script, tidied', () => {
		expect(cleanName('  مريم \t علي ', 40)).toBe('مريم علي');
		expect(cleanName('Zoë 😀', 40)).toBe('Zoë 😀');
		expect(cleanName('\u202Eevil\u202C Ali', 40)).toBe('evil Ali');
	});

	it('refuses half a surrogate pair, alone or among letters', () => {
		expect(reason('\uD800')).toBe('malformed-name');
		expect(reason('Ali\uDC00')).toBe('malformed-name');
		expect(reason('\uDBFFAli')).toBe('malformed-name');
		expect(reason('Ali \uD83D\uDE00')).toBeNull();
	});

	it('refuses names that show nothing', () => {
		for (const blank of [
			'\u3164',
			'\u3164\u3164',
			'\u2800',
			'\uFFA0',
			'\u115F\u1160',
			'\u00AD',
			'\u034F',
			'\u0651',
			'\u2060 \uFE0F',
			'\u{E0041}'
		]) {
			expect(reason(blank), JSON.stringify(blank)).toBe('invisible-name');
		}
		expect(reason('   ')).toBe('invalid-name');
		expect(reason('\u3164Ali')).toBeNull();
	});

	it('names the field in the reason', () => {
		expect(() => cleanName('\u2800', 80, 'class')).toThrow(
			expect.objectContaining({ code: 'invisible-class' })
		);
	});
});

describe('rendersBlank and nameKey', () => {
	it('tell a blank name and the same name written differently', () => {
		expect(rendersBlank('\u3164 \u2800')).toBe(true);
		expect(rendersBlank('ـ')).toBe(false);
		expect(nameKey('Ali  Hassan')).toBe(nameKey('ali hassan'));
		expect(nameKey('ＡＬＩ')).toBe(nameKey('ali'));
		expect(nameKey('Ali\u200B')).toBe(nameKey('Ali'));
		expect(nameKey('علي')).not.toBe(nameKey('على'));
	});
});
