import { getDb } from '$lib/server/db/instance';
import { findLessons } from '$lib/server/lessons';
import { lessonSearch, searchedPage } from '$lib/lesson/search';
import type { PageServerLoad } from './$types';

// The library is data: one page of it, rendered on request from the lesson store (the service
// worker precaches it at install for offline use, and asks the network first).
export const prerender = false;

/**
 * One page of the library: `?q=` words of a title (either language), `?level=`, `?genre=`,
 * `?page=` (from 1). Unknown filter values are ignored rather than answered with an empty page.
 */
export const load: PageServerLoad = async ({ url }) => {
	const { filters, ...query } = lessonSearch(url.searchParams);
	const found = await findLessons(await getDb(), query);
	return searchedPage(filters, found, (lesson) => lesson);
};
