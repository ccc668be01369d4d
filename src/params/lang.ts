import type { ParamMatcher } from '@sveltejs/kit';

/** Arabic is the default and has no prefix; English pages live under `/en`. */
export const match = ((param: string): param is 'en' => param === 'en') satisfies ParamMatcher;
