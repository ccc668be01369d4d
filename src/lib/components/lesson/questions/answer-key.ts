import type { CompiledQuestion } from '$lib/lesson';
import { GAP } from '$lib/lesson/constants';

/**
 * The right answer as lines of text in one language, shown once a student has used their tries.
 * `label` translates the true / false / not given keys.
 */
export function answerKey(
	question: CompiledQuestion,
	lang: 'ar' | 'en',
	label: (key: 'true' | 'false' | 'not-given') => string
): string[] {
	switch (question.type) {
		case 'choice':
		case 'multi':
			return question.choices.filter((c) => c.correct).map((c) => c[lang]);
		case 'truefalse':
			return [label(question.answer)];
		case 'short':
			return [question.answers[lang][0]!];
		case 'order':
			// Numbered by the list that shows them, never in the text as well.
			return question.items.map((item) => item[lang]);
		case 'match':
			return question.pairs.map((pair) => `${pair.left[lang]} ⟷ ${pair.right[lang]}`);
		case 'cloze': {
			const parts = question.text[lang].split(GAP);
			return [parts.map((part, i) => part + (question.gaps[i]?.[lang] ?? '')).join('')];
		}
		case 'evidence':
			return [lang === 'ar' ? question.evidence : question.evidence_en];
	}
}

/**
 * Whether an explanation already opens with the key (a one-line key such as "False" over
 * "False: the council approved the plan"): then the key is not shown a second time.
 */
export function keyRepeatedBy(key: readonly string[], explanation: string): boolean {
	const fold = (text: string) => text.trim().toLocaleLowerCase();
	const line = key.length === 1 ? fold(key[0]!) : '';
	if (line === '') return false;
	const start = fold(explanation);
	// The key as a whole word or phrase: "False" opens "False: …" but not "Falsely …".
	return start.startsWith(line) && !/[\p{L}\p{N}]/u.test(start.charAt(line.length));
}
