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
			return question.items.map((item, i) => `${i + 1}. ${item[lang]}`);
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
