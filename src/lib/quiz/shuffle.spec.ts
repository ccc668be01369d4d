import { describe, expect, it } from 'vitest';
import { shuffled } from './shuffle';

const letters = ['a', 'b', 'c', 'd', 'e'];
const indexes = (result: { index: number }[]) => result.map((entry) => entry.index);

describe('shuffled', () => {
	it('gives the same order for the same seed', () => {
		expect(shuffled(letters, 'student-1:lesson:q1')).toEqual(
			shuffled(letters, 'student-1:lesson:q1')
		);
	});

	it('keeps every item once, with its authored index', () => {
		const result = shuffled(letters, 'seed');
		expect(indexes(result).sort()).toEqual([0, 1, 2, 3, 4]);
		for (const { item, index } of result) expect(item).toBe(letters[index]);
	});

	it('varies with the seed', () => {
		const orders = new Set(
			Array.from({ length: 50 }, (_, i) => indexes(shuffled(letters, `q${i}`)).join())
		);
		expect(orders.size).toBeGreaterThan(20);
	});

	it('spreads items over positions', () => {
		// Where the first authored item lands, over many seeds: every slot, none too often.
		const counts = [0, 0, 0, 0, 0];
		for (let i = 0; i < 2000; i++) {
			const position = indexes(shuffled(letters, `seed-${i}`)).indexOf(0);
			counts[position] = (counts[position] ?? 0) + 1;
		}
		for (const count of counts) expect(count).toBeGreaterThan(250);
	});

	it('never returns the authored order for three items or more', () => {
		for (const length of [3, 4, 5]) {
			const items = Array.from({ length }, (_, i) => i);
			for (let i = 0; i < 500; i++) {
				expect(indexes(shuffled(items, `s${i}`))).not.toEqual(items);
			}
		}
	});

	it('may leave two items as they are, but not always', () => {
		const orders = new Set(
			Array.from({ length: 40 }, (_, i) => indexes(shuffled(['x', 'y'], `t${i}`)).join())
		);
		expect(orders).toEqual(new Set(['0,1', '1,0']));
	});

	it('handles empty and single lists', () => {
		expect(shuffled([], 'seed')).toEqual([]);
		expect(shuffled(['only'], 'seed')).toEqual([{ item: 'only', index: 0 }]);
	});

	it('leaves its input alone', () => {
		const items = [...letters];
		shuffled(items, 'seed');
		expect(items).toEqual(letters);
	});
});
