import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('safeNext', () => {
	it.each([
		'/teach',
		'/en/teach',
		'/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f',
		'/en/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f/lessons/basra-aegis-security',
		'/teach/lessons/basra-aegis-security/worksheet?key=1&q=ar'
	])('keeps the teacher page %s', (path) => {
		expect(safeNext(path, 'ar')).toBe(path);
	});

	it.each([
		[null, 'ar', '/teach'],
		[undefined, 'en', '/en/teach'],
		['', 'ar', '/teach'],
		['https://evil.example/teach', 'ar', '/teach'],
		['//evil.example/teach', 'ar', '/teach'],
		['/teach//evil.example', 'ar', '/teach'],
		['/\\evil.example', 'en', '/en/teach'],
		['/teach\\..\\x', 'ar', '/teach'],
		['/teacher', 'ar', '/teach'],
		['/lessons/x', 'en', '/en/teach'],
		['/teach/x\r\nSet-Cookie: a=b', 'ar', '/teach'],
		['javascript:alert(1)', 'ar', '/teach']
	] as const)('refuses %j', (value, lang, expected) => {
		expect(safeNext(value, lang)).toBe(expected);
	});
});
