import { getDb } from '$lib/server/db/instance';
import { findLessons } from '$lib/server/lessons';
import { GENRES, LEVELS } from '$lib/lesson/constants';
import type { PageServerLoad } from './$types';

// The library is data: one page of it, rendered on request from the lesson store (the service
// worker precaches it at install for offline use, and asks the network first).
export const prerender = false;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
	allowed.find((item) => item === value);

/**
 * One page of the library: `?q=` words of a title (either language), `?level=`, `?genre=`,
 * `?page=` (from 1). Unknown filter values are ignored rather than answered with an empty page.
 */
export const load: PageServerLoad = async ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 100).trim();
	const level = pick(url.searchParams.get('level'), LEVELS);
	const genre = pick(url.searchParams.get('genre'), GENRES);
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	const found = await findLessons(await getDb(), { query, level, genre, page });
	return {
		...found,
		filters: { q: query, level: level ?? '', genre: genre ?? '' },
		levels: LEVELS,
		genres: GENRES
	};
};
