import { describe, expect, it } from 'vitest';
import { median, percentile, round } from './stats';

describe('median', () => {
	it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('is NaN for no values', () => {
		expect(median([])).toBeNaN();
	});
});

describe('percentile', () => {
	const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

	it('uses the nearest rank', () => {
		expect(percentile(hundred, 50)).toBe(50);
		expect(percentile(hundred, 99)).toBe(99);
		expect(percentile(hundred, 100)).toBe(100);
		expect(percentile([7], 99)).toBe(7);
	});

	it('never returns a value that was not measured', () => {
		expect([10, 20, 30]).toContain(percentile([30, 10, 20], 90));
	});
});

describe('round', () => {
	it('keeps the decimals asked for', () => {
		expect(round(1.23456, 2)).toBe(1.23);
		expect(round(1234.5)).toBe(1235);
	});
});
