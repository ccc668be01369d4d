import ar from './locales/teach.ar.json';
import en from './locales/teach.en.json';

/** The teacher area's strings, loaded only by its pages. */
export const teachMessages = { ar, en };
