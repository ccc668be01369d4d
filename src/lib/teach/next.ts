import { localisePath, type Lang } from '$lib/i18n';

// A path inside the teacher area of this site, in either UI language, and nothing else: no
// scheme, no host, no `//` or backslash that a browser would read as another site.
const TEACH_PATH = /^\/(en\/)?teach(\/[\w\-./]*)?(\?[\w\-.=&%]*)?$/;

/**
 * The page to go to after signing in: the `next` a signed-out visitor was sent with, when it is a
 * teacher page of this site; otherwise the teacher's home. Guards against open redirects.
 */
export function safeNext(value: string | null | undefined, lang: Lang): string {
	if (typeof value === 'string' && TEACH_PATH.test(value) && !value.includes('//')) return value;
	return localisePath('/teach', lang);
}
