import ar from './locales/error.ar.json';
import en from './locales/error.en.json';

/** The error page's strings in both languages: it can show where no language's messages loaded. */
export const errorMessages = { ar, en };
