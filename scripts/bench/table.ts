/** The table `npm run bench` prints: one row per figure, its budget and the verdict beside it. */
import { formatBudget, formatValue, type Figure } from './figures';

/** The verdict column: `pass`, `FAIL`, or blank for a figure without a budget. */
export function verdict(figure: Figure): string {
	if (figure.pass === undefined) return '';
	return figure.pass ? 'pass' : 'FAIL';
}

/** Renders the figures as an aligned plain-text table, grouped by part. */
export function renderTable(figures: readonly Figure[]): string {
	const header = ['part', 'figure', 'value', 'budget', 'verdict'];
	const rows = figures.map((figure) => [
		figure.part,
		figure.name,
		formatValue(figure.value, figure.unit),
		figure.budget === undefined ? '' : formatBudget(figure.budget),
		verdict(figure) + (figure.note ? `  (${figure.note})` : '')
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column]!.length))
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) =>
				column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)
			)
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** How many budgets were checked and how many failed. */
export function tally(figures: readonly Figure[]): { checked: number; failed: number } {
	const checked = figures.filter((figure) => figure.pass !== undefined);
	return { checked: checked.length, failed: checked.filter((figure) => !figure.pass).length };
}
