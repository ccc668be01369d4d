import { describe, expect, it } from 'vitest';
import { lessonSearch, MAX_QUERY_LENGTH } from './search';

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
