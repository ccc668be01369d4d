import type { Question } from '$lib/lesson/schema';
import { normalise } from '$lib/text';

/** A cloze question. */
export type ClozeQuestion = Extract<Question, { type: 'cloze' }>;

/** One word of a cloze word bank, in both languages. */
export interface BankWord {
	ar: string;
	en: string;
}

// Plain code-unit order, never localeCompare: the phone and the server must build the same bank,
// because answers store positions in it, and collation differs between ICU builds.
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The word bank of a cloze question: every gap's word and every distractor, sorted by their
 * normalised Arabic text (then English, then the raw texts) so that the order neither follows the
 * gaps nor changes between devices. Cloze answers store indexes into this array.
 *
 * @returns a new array of `gaps.length + distractors.length` words
 */
export function clozeBank(question: ClozeQuestion): BankWord[] {
	const words = [...question.gaps, ...question.distractors].map(({ ar, en }) => ({
		word: { ar, en },
		keys: [normalise(ar), normalise(en), ar, en]
	}));
	words.sort((a, b) => {
		for (let key = 0; key < a.keys.length; key++) {
			const order = compare(a.keys[key] ?? '', b.keys[key] ?? '');
			if (order !== 0) return order;
		}
		return 0;
	});
	return words.map(({ word }) => word);
}
