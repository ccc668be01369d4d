import { describe, expect, it } from 'vitest';
import { GENRES, LEVELS } from './constants';
import { lessonSearch, MAX_QUERY_LENGTH, searchedPage } from './search';

const search = (query: string) => lessonSearch(new URLSearchParams(query));

describe('lessonSearch', () => {
	it('reads words, level, genre and page from the address', () => {
		expect(search('q=+%D8%A7%D9%84%D8%A8%D8%B5%D8%B1%D8%A9+&level=B1&genre=news&page=3')).toEqual({
			query: 'البصرة',
			level: 'B1',
			genre: 'news',
			page: 3,
			filters: { q: 'البصرة', level: 'B1', genre: 'news' }
		});
	});

	it('ignores unknown filters and takes a page that is no number for the first', () => {
		expect(search('level=Z9&genre=poetry&page=two')).toEqual({
			query: '',
			level: undefined,
			genre: undefined,
			page: 1,
			filters: { q: '', level: '', genre: '' }
		});
	});

	it('cuts a search to the length the field allows', () => {
		expect(search(`q=${'a'.repeat(MAX_QUERY_LENGTH + 50)}`).query).toHaveLength(MAX_QUERY_LENGTH);
	});
});

describe('searchedPage', () => {
	const found = { lessons: [{ id: 'a' }, { id: 'b' }], total: 32, page: 2, pageCount: 3 };

	it('hands on the form, the choices and where the page is, each lesson as the page shows it', () => {
		const filters = search('q=rain&level=B1').filters;
		expect(searchedPage(filters, found, (lesson) => lesson.id.toUpperCase())).toEqual({
			filters: { q: 'rain', level: 'B1', genre: '' },
			levels: LEVELS,
			genres: GENRES,
			total: 32,
			page: 2,
			pageCount: 3,
			lessons: ['A', 'B']
		});
	});

	it('keeps the order the store found the lessons in', () => {
		const filters = search('').filters;
		const page = searchedPage(filters, { ...found, lessons: [3, 1, 2] }, (n) => n * 10);
		expect(page.lessons).toEqual([30, 10, 20]);
	});
});
