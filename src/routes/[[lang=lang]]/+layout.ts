import { DEFAULT_LANG, isLang } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/** The UI language of every page below, from the URL. */
export const load: LayoutLoad = ({ params }) => ({
	lang: isLang(params.lang) ? params.lang : DEFAULT_LANG
});
