/**
 * What one student's tries at one question come to in the results: right, partly right, right
 * only at a later try, wrong, or not yet. One rule for the matrix, which works the state out from
 * the tries, and for the grid's compact rows (`cells.ts`), which send the state and work the
 * credit back out of it.
 */

/**
 * - `right`: right at the first try;
 * - `partly`: the first try earned some credit but not all (see `score`);
 * - `later`: the first try earned nothing, a later one was right (see `rightAt`);
 * - `wrong`: nothing right yet;
 * - `not-yet`: not answered.
 */
export type CellState = 'right' | 'partly' | 'later' | 'wrong' | 'not-yet';

/** One student's result on one question (the question of the same index in `questions`). */
export interface ResultCell {
	state: CellState;
	/** Credit of the first try, 0 to 1, or null when not answered. */
	score: number | null;
	/** How many answers the student sent for this question. */
	tries: number;
	/** Which try was first fully right (1 = the first), or null. */
	rightAt: number | null;
	/** The first try reached the server after the due date ended. */
	late: boolean;
	/**
	 * The first try, readable, as an index into its question's `answers`; null when not answered
	 * (or not readable).
	 */
	answer: number | null;
}

/** A question the student has not answered. */
export const NOT_YET: Readonly<ResultCell> = Object.freeze({
	state: 'not-yet',
	score: null,
	tries: 0,
	rightAt: null,
	late: false,
	answer: null
});

/** A try's grade, as stored. */
export interface Graded {
	correct: number;
	score: number;
}

/** The state of an answered question from its first try and the try that was first right. */
export function answeredState(
	first: Graded,
	rightAt: number | null
): Exclude<CellState, 'not-yet'> {
	if (first.correct === 1) return 'right';
	if (first.score > 0) return 'partly';
	return rightAt === null ? 'wrong' : 'later';
}

/** The state of a cell from its tries, first first. */
export function cellState(tries: readonly Graded[]): { state: CellState; rightAt: number | null } {
	const first = tries[0];
	if (!first) return { state: 'not-yet', rightAt: null };
	const index = tries.findIndex((attempt) => attempt.correct === 1);
	const rightAt = index === -1 ? null : index + 1;
	return { state: answeredState(first, rightAt), rightAt };
}

/**
 * The first try's credit that a state stands for: right is full, wrong and right only later
 * earned none; partly right earned `share`, which only that state has to carry.
 */
export function creditOf(state: Exclude<CellState, 'not-yet'>, share: number): number {
	if (state === 'partly') return share;
	return state === 'right' ? 1 : 0;
}
