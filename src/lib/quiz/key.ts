import type { Question } from '$lib/lesson/schema';
import type { Answer } from './answer';
import { clozeBank } from './cloze';
import { evidenceSpan } from './grade';
import { sentencesOf, type ParagraphText } from './passage';

/**
 * The answer the lesson's own key gives, as a student would send it in one reading language: what
 * the content tests, the benchmark and the answer-key checks grade as fully right.
 */
export function keyAnswer(
	question: Question,
	paragraphs: readonly ParagraphText[],
	lang: 'ar' | 'en'
): Answer {
	switch (question.type) {
		case 'choice':
			return { type: 'choice', choice: question.choices.findIndex((c) => c.correct) };
		case 'multi':
			return { type: 'multi', choices: question.choices.flatMap((c, i) => (c.correct ? [i] : [])) };
		case 'truefalse':
			return { type: 'truefalse', value: question.answer };
		case 'short':
			return { type: 'short', text: question.answers[lang][0] ?? '', lang };
		case 'order':
			return { type: 'order', order: question.items.map((_, i) => i) };
		case 'match':
			return { type: 'match', pairs: question.pairs.map((_, i) => i) };
		case 'cloze': {
			const bank = clozeBank(question);
			return {
				type: 'cloze',
				fills: question.gaps.map((gap) =>
					bank.findIndex((word) => word.ar === gap.ar && word.en === gap.en)
				)
			};
		}
		case 'evidence': {
			const paragraph = paragraphs[question.paragraph]!;
			const span = evidenceSpan(question, paragraph, lang)!;
			const sentence = sentencesOf(paragraph, lang).findIndex(
				(s) => s.start <= span.start && span.start < s.end
			);
			return { type: 'evidence', paragraph: question.paragraph, sentence, lang };
		}
	}
}
