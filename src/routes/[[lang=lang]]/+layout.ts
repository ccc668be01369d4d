import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/** The UI language of every page below, from the URL, with its messages. */
export const load: LayoutLoad = async ({ params, fetch }) => {
	const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
	return { lang, messages: await loadMessages(lang, fetch) };
};
