import { describe, expect, it } from 'vitest';
import { BUDGETS, figure, formatBudget, formatValue, meets } from './figures';
import { partsFrom } from './args';
import { storeFigures, storeSizes } from './store';
import { renderTable, tally } from './table';

describe('budgets', () => {
	it('checks maxima and minima inclusively', () => {
		expect(meets(BUDGETS.lessonLcp, 1200)).toBe(true);
		expect(meets(BUDGETS.lessonLcp, 1201)).toBe(false);
		expect(meets(BUDGETS.lessonPerformance, 98)).toBe(true);
		expect(meets(BUDGETS.lessonPerformance, 97)).toBe(false);
	});

	it('never passes a figure that could not be measured', () => {
		expect(meets(BUDGETS.syncP99, null)).toBe(false);
		expect(meets(BUDGETS.syncP99, Number.NaN)).toBe(false);
	});

	it('reads as people write budgets', () => {
		expect(formatBudget('lessonLcp')).toBe('≤ 1.20 s');
		expect(formatBudget('lessonTransfer')).toBe('≤ 150.0 KB');
		expect(formatBudget('syncThroughput')).toBe('≥ 1,000 /s');
		expect(formatValue(null, 'ms')).toBe('n/a');
	});
});

describe('table', () => {
	const figures = [
		figure('sync', 'SQLite · answers per second', 2500, 'per-s', 'syncThroughput'),
		figure('sync', 'SQLite · p99 latency', 80, 'ms', 'syncP99'),
		figure('sync', 'cold start', 420, 'ms')
	];

	it('puts the budget and the verdict beside each figure', () => {
		const lines = renderTable(figures).trimEnd().split('\n');
		expect(lines).toHaveLength(5);
		expect(lines[2]).toMatch(/answers per second\s+2,500 \/s\s+≥ 1,000 \/s\s+pass$/);
		expect(lines[3]).toMatch(/p99 latency\s+80\.0 ms\s+≤ 50\.0 ms\s+FAIL$/);
		expect(lines[4]).toMatch(/cold start\s+420\.0 ms$/);
	});

	it('counts the budgets checked and missed', () => {
		expect(tally(figures)).toEqual({ checked: 2, failed: 1 });
	});
});

describe('the store part', () => {
	const run = {
		engine: 'postgres' as const,
		lessons: 1000,
		firstStartMs: 30_000,
		laterStartMs: 1500,
		laterStartCpuMs: 700,
		rssAfterStartMb: 90,
		rssAfterLibraryMb: 210,
		peakRssMb: 215,
		libraryPageMs: 20,
		lessonPageMs: 30,
		importMs: [60, 50, 40, 300, 70],
		importCpuMs: 45
	};

	it('holds start, memory and import to their budgets, and the first start to none', () => {
		const figures = storeFigures([run]);
		const by = (name: string) => figures.find((f) => f.name.endsWith(name))!;
		expect(by('later start')).toMatchObject({ value: 1500, pass: true });
		expect(by('first start').pass).toBeUndefined();
		expect(by('RSS after serving the library')).toMatchObject({ value: 210, pass: false });
		expect(by('import one lesson, median')).toMatchObject({ value: 60, pass: true });
		expect(by('import one lesson, slowest')).toMatchObject({ value: 300 });
		expect(figures.every((f) => f.name.startsWith('PostgreSQL · 1,000 lessons · '))).toBe(true);
	});

	it('runs 10, 100 and 1,000 lessons unless told fewer', () => {
		expect(storeSizes(undefined)).toEqual([10, 100, 1000]);
		expect(storeSizes('10, 100')).toEqual([10, 100]);
		expect(storeSizes('many')).toEqual([10, 100, 1000]);
	});
});

describe('partsFrom', () => {
	it('runs every part by default and one or several with --only', () => {
		expect(partsFrom([])).toEqual([
			'lighthouse',
			'bytes',
			'precache',
			'sync',
			'compiler',
			'results',
			'store',
			'authoring'
		]);
		expect(partsFrom(['--only', 'sync'])).toEqual(['sync']);
		expect(partsFrom(['--only', 'authoring'])).toEqual(['authoring']);
		expect(partsFrom(['--only', 'store'])).toEqual(['store']);
		expect(partsFrom(['--only', 'bytes,compiler'])).toEqual(['bytes', 'compiler']);
	});

	it('refuses what it does not know', () => {
		expect(partsFrom(['--only'])).toBeNull();
		expect(partsFrom(['--only', 'speed'])).toBeNull();
		expect(partsFrom(['--fast'])).toBeNull();
		expect(partsFrom(['--only', 'sync', 'extra'])).toBeNull();
	});
});
