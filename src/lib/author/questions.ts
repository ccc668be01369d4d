/**
 * Making questions in the editor: a new question of each type the editor has a form for, with
 * every text empty for the author (and the checker) to fill, and the list operations.
 */
import type { DraftQuestion } from '$lib/lesson/draft';

/** The types the editor has a form for; others are kept, listed, moved and deleted as they are. */
export const EDITABLE_TYPES = ['choice', 'multi', 'truefalse', 'short'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

export const isEditable = (type: string): type is EditableType =>
	(EDITABLE_TYPES as readonly string[]).includes(type);

const blank = () => ({ ar: '', en: '' });

/** An id no other question has: `q1`, `q2`, … */
export function freeId(questions: readonly DraftQuestion[], stem = 'q'): string {
	const taken = new Set(questions.map((q) => q.id));
	let n = 1;
	while (taken.has(`${stem}${n}`)) n++;
	return `${stem}${n}`;
}

/** A new question of `type` on `paragraph`. */
export function newQuestion(
	type: EditableType,
	questions: readonly DraftQuestion[],
	paragraph = 0
): DraftQuestion {
	const base: DraftQuestion = {
		id: freeId(questions),
		type,
		skill: 'detail',
		paragraph,
		evidence: '',
		evidence_en: '',
		prompt: blank(),
		explain: blank()
	};
	if (type === 'truefalse') return { ...base, answer: 'true' };
	if (type === 'short') return { ...base, answers: { ar: [], en: [] } };
	const choices = Array.from({ length: type === 'multi' ? 3 : 2 }, (_, i) => ({
		...blank(),
		correct: i === 0
	}));
	return { ...base, choices };
}

/** The list with question `index` moved by `by` places (kept within the list). */
export function moveQuestion<T>(list: readonly T[], index: number, by: number): T[] {
	const to = Math.min(list.length - 1, Math.max(0, index + by));
	const copy = [...list];
	const [item] = copy.splice(index, 1);
	copy.splice(to, 0, item!);
	return copy;
}

/** The list with a copy of question `index` after it, under a free id. */
export function duplicateQuestion(list: readonly DraftQuestion[], index: number): DraftQuestion[] {
	const copy = structuredClone(list[index]!);
	copy.id = freeId(list, `${copy.id.replace(/\d+$/, '')}`);
	return [...list.slice(0, index + 1), copy, ...list.slice(index + 1)];
}
