/**
 * A search of the lesson list as its address carries it (`?q=&level=&genre=&page=`), read the
 * same way by the library and by the teacher's assign page. Unknown filter values are ignored
 * rather than answered with an empty page; a page that is not a number is the first.
 */
import { GENRES, LEVELS } from './constants';

/** How long a search may be, in characters: the search field's `maxlength`. */
export const MAX_QUERY_LENGTH = 100;

export interface LessonSearch {
	/** Words of a title, in either language. */
	query: string;
	level?: (typeof LEVELS)[number];
	genre?: (typeof GENRES)[number];
	/** From 1; the store keeps it within the pages there are. */
	page: number;
	/** What the search form shows again: each field as given, or empty. */
	filters: { q: string; level: string; genre: string };
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
	allowed.find((item) => item === value);

/** The search in an address's query string. */
export function lessonSearch(params: URLSearchParams): LessonSearch {
	const query = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).trim();
	const level = pick(params.get('level'), LEVELS);
	const genre = pick(params.get('genre'), GENRES);
	const page = Number.parseInt(params.get('page') ?? '1', 10) || 1;
	return {
		query,
		level,
		genre,
		page,
		filters: { q: query, level: level ?? '', genre: genre ?? '' }
	};
}

/** One page of lessons found, however the store answers it. */
export interface FoundPage<L> {
	lessons: L[];
	total: number;
	page: number;
	pageCount: number;
}

/** What a page that lists searched lessons hands its template, its lessons as `show` makes them. */
export interface SearchedPage<R> extends FoundPage<R> {
	filters: LessonSearch['filters'];
	levels: typeof LEVELS;
	genres: typeof GENRES;
}

/**
 * The search form's fields and choices, where the page is among the pages, and each lesson found
 * as the page shows it: what the library, the lessons page and the assign page all hand their
 * search form, list and pager.
 */
export function searchedPage<L, R>(
	filters: LessonSearch['filters'],
	found: FoundPage<L>,
	show: (lesson: L) => R
): SearchedPage<R> {
	return {
		filters,
		levels: LEVELS,
		genres: GENRES,
		total: found.total,
		page: found.page,
		pageCount: found.pageCount,
		lessons: found.lessons.map(show)
	};
}
