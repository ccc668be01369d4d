import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import type { Lang } from './index';

/** What components read to speak the UI language; the getters follow navigation. */
export interface I18nContext {
	readonly lang: Lang;
	readonly t: TFunction;
}

const KEY = Symbol('i18n');

export function setI18n(context: I18nContext): void {
	setContext(KEY, context);
}

export function getI18n(): I18nContext {
	const context = getContext<I18nContext | undefined>(KEY);
	if (!context) throw new Error('getI18n() used outside the root layout');
	return context;
}
