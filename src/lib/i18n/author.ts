import ar from './locales/author.ar.json';
import en from './locales/author.en.json';

/** The authoring pages' strings, loaded only by them. */
export const authorMessages = { ar, en };
