import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n, type Lang, type Messages } from './index';
import { loadMessages } from './messages';
import ar from './locales/pwa.ar.json';
import en from './locales/pwa.en.json';

describe('pwa messages', () => {
	const messages: Partial<Record<Lang, Messages>> = {};
	beforeAll(async () => {
		messages.ar = await loadMessages('ar', fetch);
		messages.en = await loadMessages('en', fetch);
	});
	const i18n = (lang: Lang) => createI18n(lang, messages[lang]!);

	it('are merged into the interface’s translations', () => {
		expect(i18n('en').t('pwa.offline')).toBe(en.pwa.offline);
		expect(i18n('ar').t('pwa.update.reload')).toBe(ar.pwa.update.reload);
	});

	it('count waiting answers with the Arabic plural forms', () => {
		const t = i18n('ar').t;
		expect(t('pwa.waiting', { count: 1 })).toBe('إجابة واحدة تنتظر الإرسال.');
		expect(t('pwa.waiting', { count: 2 })).toBe('إجابتان تنتظران الإرسال.');
		expect(t('pwa.waiting', { count: 5 })).toBe('5 إجابات تنتظر الإرسال.');
		expect(t('pwa.waiting', { count: 11 })).toBe('11 إجابةً تنتظر الإرسال.');
		expect(t('pwa.waiting', { count: 100 })).toBe('100 إجابة تنتظر الإرسال.');
		expect(i18n('en').t('pwa.waiting', { count: 1 })).toBe('1 answer is waiting to be sent.');
		expect(i18n('en').t('pwa.waiting', { count: 3 })).toBe('3 answers are waiting to be sent.');
	});
});
