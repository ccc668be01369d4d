/**
 * The figures a bench run produces and the budgets from issue 7 they are held to. Every part
 * returns plain `Figure`s; the table, `bench/results.json` and the byte-budget test all read the
 * same budget definitions, so a budget is changed in one place.
 */

export type Unit = 'score' | 'ms' | 'bytes' | 'count' | 'per-s' | 'ratio' | 'MB';

export interface Budget {
	/** `max`: the figure must not exceed the limit; `min`: it must reach it. */
	kind: 'max' | 'min';
	limit: number;
	unit: Unit;
}

/** KB in the budgets are 1,000 bytes: the stricter reading, and the one Lighthouse's docs use. */
export const KB = 1000;

export const BUDGETS = {
	lessonPerformance: { kind: 'min', limit: 98, unit: 'score' },
	lessonLcp: { kind: 'max', limit: 1200, unit: 'ms' },
	lessonTbt: { kind: 'max', limit: 50, unit: 'ms' },
	lessonCls: { kind: 'max', limit: 0.02, unit: 'ratio' },
	lessonTransfer: { kind: 'max', limit: 150 * KB, unit: 'bytes' },
	lessonJs: { kind: 'max', limit: 60 * KB, unit: 'bytes' },
	/** The lesson page against quizdown's page of the same lesson, in the same Lighthouse run. */
	lessonLcpVsPeer: { kind: 'max', limit: 1.2, unit: 'ratio' },
	lessonJsVsPeer: { kind: 'max', limit: 1, unit: 'ratio' },
	precache: { kind: 'max', limit: 400 * KB, unit: 'bytes' },
	syncThroughput: { kind: 'min', limit: 1000, unit: 'per-s' },
	syncP99: { kind: 'max', limit: 50, unit: 'ms' },
	compile1000: { kind: 'max', limit: 10_000, unit: 'ms' },
	resultsCpu: { kind: 'max', limit: 5, unit: 'ms' },
	resultsHealthP99: { kind: 'max', limit: 50, unit: 'ms' },
	/** Issue 13 item 5, at 10, 100 and 1,000 lessons on both engines. */
	storeStart: { kind: 'max', limit: 2000, unit: 'ms' },
	storeRss: { kind: 'max', limit: 200, unit: 'MB' },
	storeImport: { kind: 'max', limit: 200, unit: 'ms' }
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof BUDGETS;

export type Part =
	'lighthouse' | 'bytes' | 'precache' | 'sync' | 'compiler' | 'results' | 'store' | 'authoring';
export const PARTS: readonly Part[] = [
	'lighthouse',
	'bytes',
	'precache',
	'sync',
	'compiler',
	'results',
	'store',
	'authoring'
];

export interface Figure {
	part: Part;
	/** What was measured, e.g. `/lessons/x · LCP`. */
	name: string;
	/** Null when it could not be measured (see `note`). */
	value: number | null;
	unit: Unit;
	budget?: BudgetName;
	/** Whether the figure meets its budget; absent when it has none. */
	pass?: boolean;
	note?: string;
}

/** Whether a value meets a budget. A figure that could not be measured never passes. */
export function meets(budget: Budget, value: number | null): boolean {
	if (value === null || Number.isNaN(value)) return false;
	return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
}

/** A figure, checked against its budget when it has one. */
export function figure(
	part: Part,
	name: string,
	value: number | null,
	unit: Unit,
	budget?: BudgetName,
	note?: string
): Figure {
	const result: Figure = { part, name, value, unit };
	if (budget !== undefined) {
		result.budget = budget;
		result.pass = meets(BUDGETS[budget], value);
	}
	if (note !== undefined) result.note = note;
	return result;
}

/** A value in its unit as people read it: `1.2 s`, `48.3 KB`, `1,234 /s`. */
export function formatValue(value: number | null, unit: Unit): string {
	if (value === null || Number.isNaN(value)) return 'n/a';
	const number = (n: number, digits: number) =>
		n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
	switch (unit) {
		case 'score':
			return number(value, 0);
		case 'ms':
			return value >= 1000 ? `${number(value / 1000, 2)} s` : `${number(value, 1)} ms`;
		case 'bytes':
			return `${number(value / KB, 1)} KB`;
		case 'count':
			return number(value, 0);
		case 'per-s':
			return `${number(value, 0)} /s`;
		case 'ratio':
			return number(value, 3);
		case 'MB':
			return `${number(value, 1)} MB`;
	}
}

/** A budget as people read it: `≤ 1.20 s`, `≥ 98`. */
export function formatBudget(name: BudgetName): string {
	const budget: Budget = BUDGETS[name];
	return `${budget.kind === 'max' ? '≤' : '≥'} ${formatValue(budget.limit, budget.unit)}`;
}
