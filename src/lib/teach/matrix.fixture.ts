/**
 * A choice question as the compiler leaves it, enough for the results tests: the matrix reads
 * its id, paragraph, prompt and choices (the first is the key), nothing of its passage.
 */
import type { CompiledQuestion } from '$lib/lesson/types';

const CHOICES = [
	{ ar: 'أ', en: 'A', correct: true },
	{ ar: 'ب', en: 'B' },
	{ ar: 'ج', en: 'C' }
];
const span = { start: 0, end: 0 };

/** Question `id` about paragraph `paragraph` (from 0), with `choices` options (2 or 3). */
export const choiceQuestion = (id: string, paragraph: number, choices = 3): CompiledQuestion =>
	({
		id,
		type: 'choice',
		skill: 'detail',
		paragraph,
		evidence: { ar: '', en: '' },
		prompt: { ar: `س ${id}`, en: `Q ${id}` },
		choices: CHOICES.slice(0, choices),
		explain: { ar: '', en: '' },
		evidenceSpan: { ar: span, en: span }
	}) as unknown as CompiledQuestion;
