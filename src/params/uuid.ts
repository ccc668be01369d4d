import type { ParamMatcher } from '@sveltejs/kit';

/** Class and student ids: lower-case UUIDs as the services make them. */
export const match = ((param: string) =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
		param
	)) satisfies ParamMatcher;
