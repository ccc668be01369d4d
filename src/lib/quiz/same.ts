/**
 * When two answers are the same answer: a second try counts only once the student has changed
 * their answer, so an unchanged one is never graded twice. The phone asks before it grades; the
 * teacher's results group wrong answers by the same signature.
 */
import { normalise } from '$lib/text/normalise';
import type { Answer } from './answer';

/**
 * A string that two answers share exactly when they say the same thing: typed text compared as
 * the grader reads it (spaces, vowel marks, letter forms and case do not count), the picks of an
 * "all that apply" question in any order. Everything else compares item by item, in order.
 */
export function answerSignature(answer: Answer): string {
	switch (answer.type) {
		case 'choice':
			return `choice:${answer.choice}`;
		case 'multi':
			return `multi:${[...answer.choices].sort((a, b) => a - b).join(',')}`;
		case 'truefalse':
			return `truefalse:${answer.value}`;
		case 'short':
			return `short:${answer.lang}:${normalise(answer.text, { lenient: true })}`;
		case 'order':
			return `order:${answer.order.join(',')}`;
		case 'match':
			return `match:${answer.pairs.join(',')}`;
		case 'cloze':
			return `cloze:${answer.fills.map((fill) => fill ?? '').join(',')}`;
		case 'evidence':
			return `evidence:${answer.lang}:${answer.paragraph}:${answer.sentence}`;
	}
}

/** Whether two answers say the same thing (see `answerSignature`). */
export function sameAnswer(a: Answer, b: Answer): boolean {
	return answerSignature(a) === answerSignature(b);
}
