import { describe, expect, it } from 'vitest';
import { problemFor, problemMessage } from './forms';

describe('problemFor', () => {
	const failed = { form: 'rename', reason: 'invalid-name', values: { name: '' } };

	it("finds the problem of the form that failed, and no other form's", () => {
		expect(problemFor(failed, 'rename')).toEqual(failed);
		expect(problemFor(failed, 'create')).toBeNull();
	});

	it('ignores action results that are not problems', () => {
		expect(problemFor(undefined, 'rename')).toBeNull();
		expect(problemFor(null, 'rename')).toBeNull();
		expect(problemFor({ rejoin: { code: 'ABCDEFGH' } }, 'rename')).toBeNull();
		expect(problemFor({ form: 'rename' }, 'rename')).toBeNull();
	});
});

describe('problemMessage', () => {
	it('names a known reason', () => {
		expect(problemMessage({ form: 'x', reason: 'password-too-weak' })).toEqual({
			key: 'teach.errors.password-too-weak'
		});
	});

	it('falls back to a generic message for an unknown reason', () => {
		expect(problemMessage({ form: 'x', reason: 'made-up' })).toEqual({
			key: 'teach.errors.generic'
		});
	});

	it('counts whole minutes to wait, at least one', () => {
		expect(problemMessage({ form: 'x', reason: 'rate-limited', retryAfter: 1 })).toEqual({
			key: 'teach.errors.rate-limited',
			count: 1
		});
		expect(problemMessage({ form: 'x', reason: 'rate-limited', retryAfter: 601 }).count).toBe(11);
		expect(problemMessage({ form: 'x', reason: 'rate-limited' }).count).toBe(1);
	});
});
