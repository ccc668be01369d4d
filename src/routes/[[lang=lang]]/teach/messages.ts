import ar from '$lib/i18n/locales/teach.ar.json';
import en from '$lib/i18n/locales/teach.en.json';

/** The teacher area's strings, loaded only by its pages. */
export const teachMessages = { ar, en };
