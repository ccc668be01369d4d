/**
 * Whether a well-formed answer can be graded against its question. Apart from `parseAnswer`
 * because only grading needs it: the lesson page checks stored answers as it opens, and fetches
 * the grading code later.
 */
import type { Question } from '$lib/lesson/schema';
import { parseAnswer, type Answer } from './answer';
import { sentencesOf, type ParagraphText } from './passage';

const inRange = (value: number, length: number) => value >= 0 && value < length;

/**
 * Tells whether an answer can be graded against a question: well-formed, of the question's type,
 * every index in range, and one entry per item, pair or gap where the type needs it (`order` must be
 * a full arrangement; `match` and `cloze` list one entry per left item or gap, blanks allowed).
 *
 * @param paragraphs the lesson's paragraphs; when given, an evidence answer's paragraph and sentence
 *   must exist in them. A different paragraph from the question's still fits: it is a wrong answer,
 *   not a malformed one.
 */
export function answerFits(
	question: Question,
	answer: Answer,
	paragraphs?: readonly ParagraphText[]
): boolean {
	// Answers may reach this point straight from storage, typed but never parsed.
	if (parseAnswer(answer) === null || answer.type !== question.type) return false;
	switch (question.type) {
		case 'choice':
			return answer.type === 'choice' && inRange(answer.choice, question.choices.length);
		case 'multi':
			return (
				answer.type === 'multi' &&
				answer.choices.every((choice) => inRange(choice, question.choices.length))
			);
		case 'truefalse':
		case 'short':
			return true;
		case 'order':
			return (
				answer.type === 'order' &&
				answer.order.length === question.items.length &&
				answer.order.every((item) => inRange(item, question.items.length))
			);
		case 'match':
			return (
				answer.type === 'match' &&
				answer.pairs.length === question.pairs.length &&
				answer.pairs.every((right) => right === -1 || inRange(right, question.pairs.length))
			);
		case 'cloze': {
			const bankSize = question.gaps.length + question.distractors.length;
			return (
				answer.type === 'cloze' &&
				answer.fills.length === question.gaps.length &&
				answer.fills.every((fill) => fill === null || inRange(fill, bankSize))
			);
		}
		case 'evidence': {
			if (answer.type !== 'evidence') return false;
			if (paragraphs === undefined) return true;
			const paragraph = paragraphs[answer.paragraph];
			return (
				paragraph !== undefined &&
				inRange(answer.sentence, sentencesOf(paragraph, answer.lang).length)
			);
		}
	}
}
