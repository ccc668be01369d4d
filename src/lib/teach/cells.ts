/**
 * A student's row of the results grid as one short string, for the results page to send instead
 * of 21 objects per student: a class of 40 is 840 cells, and the page's cost grew with every
 * byte of them (serialised, sent, parsed, hydrated). The browser decodes the row and builds the
 * cells; the server renders none of them.
 *
 * One token per question, separated by spaces: `n` for not yet; otherwise the state's letter
 * (`r` right, `p` partly, `l` later, `w` wrong), `!` when late, then four fields separated by `:`:
 * tries, the try that was right, the answer's index into its question's answers, and the first
 * try's credit (partly only). Empty fields are null. `r1:1:0:` is right at the first try with the
 * question's first answer; `p!2::3:0.5` is a late half-right first try, tried twice.
 */
import { creditOf, NOT_YET, type CellState, type ResultCell } from './cell-state';

const LETTER: Record<Exclude<CellState, 'not-yet'>, string> = {
	right: 'r',
	partly: 'p',
	later: 'l',
	wrong: 'w'
};
const STATE: Record<string, Exclude<CellState, 'not-yet'>> = {
	r: 'right',
	p: 'partly',
	l: 'later',
	w: 'wrong'
};

const field = (value: number | null) => (value === null ? '' : String(value));

/** One cell's token. */
export function encodeCell(cell: ResultCell): string {
	if (cell.state === 'not-yet') return 'n';
	const share = cell.state === 'partly' ? field(cell.score) : '';
	return `${LETTER[cell.state]}${cell.late ? '!' : ''}${cell.tries}:${field(cell.rightAt)}:${field(cell.answer)}:${share}`;
}

/** A row of cells as one string. */
export function encodeCells(cells: readonly ResultCell[]): string {
	return cells.map(encodeCell).join(' ');
}

const nullable = (text: string | undefined) => (text ? Number(text) : null);

/** One token back to its cell; a token it cannot read is a cell not yet answered. */
export function decodeCell(token: string): ResultCell {
	const state = STATE[token[0] ?? ''];
	if (state === undefined) return NOT_YET;
	const late = token[1] === '!';
	const [tries, rightAt, answer, share = ''] = token.slice(late ? 2 : 1).split(':');
	return {
		state,
		score: creditOf(state, Number(share)),
		tries: Number(tries) || 1,
		rightAt: nullable(rightAt),
		late,
		answer: nullable(answer)
	};
}

/** A row's string back to its cells. */
export function decodeCells(row: string): ResultCell[] {
	return row === '' ? [] : row.split(' ').map(decodeCell);
}
