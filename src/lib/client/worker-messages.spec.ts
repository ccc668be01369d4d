import { describe, expect, it } from 'vitest';
import { readMessage } from './worker-messages';

describe('readMessage', () => {
	it.each([
		[{ type: 'SKIP_WAITING' }],
		[{ type: 'LANG', lang: 'en' }],
		[{ type: 'OPENED', lesson: { id: 'x', version: 'v' } }],
		[{ type: 'ASSIGNED', lessons: [{ id: 'x', version: 'v' }] }],
		[{ type: 'ASSIGNED', lessons: [] }]
	])('reads %j', (message) => {
		expect(readMessage(message)).toEqual(message);
	});

	it('keeps only the fields it knows', () => {
		expect(readMessage({ type: 'OPENED', lesson: { id: 'x', version: 'v', extra: 1 } })).toEqual({
			type: 'OPENED',
			lesson: { id: 'x', version: 'v' }
		});
	});

	it.each([
		null,
		'SKIP_WAITING',
		{ type: 'OTHER' },
		{ type: 'LANG', lang: 'fr' },
		{ type: 'OPENED' },
		{ type: 'OPENED', lesson: { id: '', version: 'v' } },
		{ type: 'ASSIGNED', lessons: [{ id: 'x' }] },
		{ type: 'ASSIGNED', lessons: 'x' }
	])('refuses %j', (data) => {
		expect(readMessage(data)).toBeUndefined();
	});
});
