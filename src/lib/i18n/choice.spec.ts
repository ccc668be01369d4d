import { describe, expect, it } from 'vitest';
import {
	choiceCookie,
	chosenLanguage,
	languageRedirect,
	phoneLanguage,
	preferredLanguage
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
