/**
 * The marks a teacher reads in the results grid, the per-question table, the student page, the
 * print and the CSV: one symbol per state, never colour alone, and words for screen readers and
 * spreadsheets. Right at a later try and partly right have marks of their own, so a first try
 * that missed is never shown as plain right and partial credit is never shown as plain wrong.
 */
import type { CellState } from './cell-state';

/** A cell's mark: the symbol shown, the words that name it, and what the words need. */
export interface Mark {
	state: CellState;
	/** Shown; hidden from screen readers, which read `label`. */
	symbol: string;
	/** A key under `teach.results.mark`. */
	label: `teach.results.mark.${'right' | 'partly' | 'later' | 'wrong' | 'notYet'}`;
	/** The first try's credit, 0 to 1, for `partly`. */
	share?: number;
	/** The try that was right, for `later` (and `partly` when a later try was right). */
	at?: number;
}

/** The symbols, in the order the legend lists them. */
export const SYMBOLS: Record<CellState, string> = {
	right: '✓',
	partly: '◐',
	later: '↻',
	wrong: '✗',
	'not-yet': '·'
};

const LABELS = {
	right: 'teach.results.mark.right',
	partly: 'teach.results.mark.partly',
	later: 'teach.results.mark.later',
	wrong: 'teach.results.mark.wrong',
	'not-yet': 'teach.results.mark.notYet'
} as const;

/** The mark of one cell of the matrix. */
export function markOf(cell: {
	state: CellState;
	score: number | null;
	rightAt: number | null;
}): Mark {
	const mark: Mark = { state: cell.state, symbol: SYMBOLS[cell.state], label: LABELS[cell.state] };
	if (cell.state === 'partly') mark.share = cell.score ?? 0;
	if ((cell.state === 'later' || cell.state === 'partly') && cell.rightAt !== null) {
		mark.at = cell.rightAt;
	}
	return mark;
}

/**
 * The mark of one answer in a student's history: right (at the first try, or at a later one),
 * partly right, or wrong.
 *
 * @param tryNumber which try at its question this answer was, from 1
 */
export function attemptMark(attempt: { correct: boolean; score: number; tryNumber: number }): Mark {
	if (attempt.correct) {
		return attempt.tryNumber === 1
			? markOf({ state: 'right', score: 1, rightAt: 1 })
			: markOf({ state: 'later', score: 0, rightAt: attempt.tryNumber });
	}
	return markOf({
		state: attempt.score > 0 ? 'partly' : 'wrong',
		score: attempt.score,
		rightAt: null
	});
}
