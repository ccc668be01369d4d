import { describe, expect, it } from 'vitest';
import { createI18n } from './index';

describe('createI18n', () => {
	const base = { nav: { skip: 'Skip to content', home: 'Home' } };
	const area = { nav: { home: 'Classes' }, teach: { title: 'Teach' } };

	it('merges the sets in order, later keys winning, and speaks the language it was made for', () => {
		const i18n = createI18n('en', base, area);
		expect(i18n.language).toBe('en');
		expect(i18n.t('teach.title')).toBe('Teach');
		// A whole branch is replaced, not deep-merged: areas own their own keys.
		expect(i18n.t('nav.home')).toBe('Classes');
		expect(createI18n('en', base).t('nav.home')).toBe('Home');
	});

	it('makes one instance per language and combination of sets, then shares it', () => {
		const first = createI18n('en', base, area);
		expect(createI18n('en', base, area)).toBe(first);
		expect(createI18n('ar', base, area)).not.toBe(first);
		expect(createI18n('en', base)).not.toBe(first);
		expect(createI18n('en', area, base)).not.toBe(first);
		// Other messages with the same words are other sets: no instance is taken for another's.
		expect(createI18n('en', { ...base }, area)).not.toBe(first);
	});

	it('never changes the language of a shared instance', () => {
		const english = createI18n('en', base);
		createI18n('ar', base);
		expect(english.language).toBe('en');
		expect(english.t('nav.skip')).toBe('Skip to content');
	});
});
