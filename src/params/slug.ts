import type { ParamMatcher } from '@sveltejs/kit';
import { ID_PATTERN } from '$lib/lesson/constants';

export const match = ((param: string) =>
	param.length <= 64 && ID_PATTERN.test(param)) satisfies ParamMatcher;
