import { describe, expect, it } from 'vitest';
import {
	choiceCookie,
	chosenLanguage,
	explicitChoice,
	languageRedirect,
	phoneLanguage,
	preferredLanguage,
	switchLink
} from './choice';

describe('phoneLanguage', () => {
	it.each([
		['ar-IQ,ar;q=0.9,en;q=0.8', 'ar'],
		['ar', 'ar'],
		['AR-eg', 'ar'],
		['en-US,en;q=0.9', 'en'],
		['fr-FR,ar;q=0.5', 'en'],
		['en;q=0.4, ar-SA;q=0.9', 'ar'],
		['ar;q=0, en', 'en'],
		['arn-CL', 'en']
	])('reads %s as %s', (header, lang) => {
		expect(phoneLanguage(header)).toBe(lang);
	});

	it.each([null, undefined, '', '*', ' , '])('names nothing in %j', (header) => {
		expect(phoneLanguage(header)).toBeUndefined();
	});

	it('reads navigator.languages in their order', () => {
		expect(phoneLanguage(['ar-IQ', 'en-GB'])).toBe('ar');
		expect(phoneLanguage(['de-DE', 'ar'])).toBe('en');
		expect(phoneLanguage([])).toBeUndefined();
	});
});

describe('chosenLanguage', () => {
	it('finds the choice among other cookies', () => {
		expect(chosenLanguage('qiraa_session=abc; lang=en; x=1')).toBe('en');
		expect(chosenLanguage('lang=ar')).toBe('ar');
	});

	it.each([null, '', 'lang=fr', 'xlang=en', 'language=en'])('finds none in %j', (header) => {
		expect(chosenLanguage(header)).toBeUndefined();
	});
});

describe('preferredLanguage', () => {
	it('follows the choice over the phone', () => {
		expect(preferredLanguage('en', 'ar')).toBe('en');
		expect(preferredLanguage('ar', 'en')).toBe('ar');
	});

	it('follows the phone on a first visit, and Arabic when it names none', () => {
		expect(preferredLanguage(undefined, 'en')).toBe('en');
		expect(preferredLanguage(undefined, 'ar')).toBe('ar');
		expect(preferredLanguage(undefined, undefined)).toBe('ar');
	});
});

describe('languageRedirect', () => {
	it.each([
		['/', '/en'],
		['/lessons/basra', '/en/lessons/basra'],
		['/join/ABC234', '/en/join/ABC234'],
		['/lessons/basra/result', '/en/lessons/basra/result']
	])('sends %s to %s for English', (path, target) => {
		expect(languageRedirect(path, 'en')).toBe(target);
	});

	it('leaves unprefixed pages alone for Arabic', () => {
		expect(languageRedirect('/lessons/basra', 'ar')).toBeNull();
	});

	it('never moves an explicit English page, whatever the preference', () => {
		expect(languageRedirect('/en/lessons/basra', 'ar')).toBeNull();
		expect(languageRedirect('/en', 'en')).toBeNull();
	});

	it('does not take a path that only starts with the letters', () => {
		expect(languageRedirect('/english', 'en')).toBe('/en/english');
	});
});

describe('choiceCookie', () => {
	it('is readable back, site-wide, for a year', () => {
		const cookie = choiceCookie('en', false);
		expect(chosenLanguage(cookie.split(';')[0])).toBe('en');
		expect(cookie).toContain('Path=/');
		expect(cookie).toContain('Max-Age=31536000');
		expect(cookie).not.toContain('Secure');
		expect(choiceCookie('ar', true)).toContain('; Secure');
	});
});

describe('switchLink and explicitChoice', () => {
	const url = (link: string) => new URL(link, 'https://qiraa.example');

	it('marks the switch to Arabic, which an unprefixed URL alone does not say', () => {
		expect(switchLink('/en/lessons/basra', 'ar')).toBe('/lessons/basra?ui=ar');
		expect(switchLink('/en', 'ar')).toBe('/?ui=ar');
		expect(explicitChoice(url('/lessons/basra?ui=ar'))).toEqual({
			lang: 'ar',
			clean: '/lessons/basra'
		});
	});

	it('leaves English to its prefix', () => {
		expect(switchLink('/lessons/basra', 'en')).toBe('/en/lessons/basra');
		expect(switchLink('/', 'en')).toBe('/en');
	});

	it("keeps the page's own query, once, and gives it back without the marker", () => {
		const link = switchLink('/en/teach/signin', 'ar', '?next=%2Fteach%2Fclasses&ui=ar');
		expect(link).toBe('/teach/signin?next=%2Fteach%2Fclasses&ui=ar');
		expect(explicitChoice(url(link))).toEqual({
			lang: 'ar',
			clean: '/teach/signin?next=%2Fteach%2Fclasses'
		});
		expect(switchLink('/teach/signin', 'en', '?next=%2Fteach')).toBe(
			'/en/teach/signin?next=%2Fteach'
		);
	});

	it('finds no choice in other URLs, or in a marker naming no language', () => {
		expect(explicitChoice(url('/lessons/basra'))).toBeUndefined();
		expect(explicitChoice(url('/lessons/basra?ui=fr'))).toBeUndefined();
		expect(explicitChoice(url('/lessons/basra?ui='))).toBeUndefined();
		expect(explicitChoice(url('/?lang=ar'))).toBeUndefined();
	});
});
