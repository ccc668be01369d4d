/**
 * Making questions in the editor: a new question of each of the eight types, with every text
 * empty for the author (and the checker) to fill and as many options as its type needs at least,
 * and the list operations.
 */
import { QUESTION_TYPES } from '$lib/lesson/constants';
import type { DraftQuestion } from '$lib/lesson/draft';

/**
 * The types the editor has a form for: all eight. A question of any other type (a misspelt one in
 * a hand-written file) is kept, listed, moved and deleted as it is.
 */
export const EDITABLE_TYPES = QUESTION_TYPES;
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
	switch (type) {
		case 'truefalse':
			return { ...base, answer: 'true' };
		case 'short':
			return { ...base, answers: { ar: [], en: [] } };
		case 'order':
			return { ...base, skill: 'sequence', items: [blank(), blank(), blank()] };
		case 'match':
			return {
				...base,
				pairs: Array.from({ length: 3 }, () => ({ left: blank(), right: blank() }))
			};
		case 'cloze':
			return { ...base, skill: 'vocabulary', text: blank(), gaps: [blank()], distractors: [] };
		case 'evidence':
			return base;
	}
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

/**
 * The fields of its type a question lacks, as a new one has them: a hand-written question may
 * leave out a list or a text (or give the wrong kind of value), and its form needs them to bind
 * to. Nothing for a question that has them all, or of a type without a form.
 */
export function missingFields(question: DraftQuestion): Record<string, unknown> {
	if (!isEditable(question.type)) return {};
	const fresh: Record<string, unknown> = newQuestion(question.type, []);
	const missing: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fresh)) {
		const have = question[key];
		const fits = Array.isArray(value)
			? Array.isArray(have)
			: typeof value === 'object'
				? typeof have === 'object' && have !== null && !Array.isArray(have)
				: have !== undefined;
		if (!fits) missing[key] = value;
	}
	return missing;
}
