import type { ParamMatcher } from '@sveltejs/kit';

/** Join codes (6) and re-join codes (8) use digits and capitals without 0, O, 1, I and L. */
export const match = ((param: string) =>
	/^[2-9A-HJKMNP-Z]{6}([2-9A-HJKMNP-Z]{2})?$/i.test(param)) satisfies ParamMatcher;
