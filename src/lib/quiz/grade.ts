/**
 * Grading, the same on the phone (instant feedback, offline) and on the server (the score that
 * counts). Pure and total: any answer, however wrong or malformed, gets a grade rather than an
 * exception.
 */
import type { Question } from '$lib/lesson/schema';
import { findQuote, normalise, type Span } from '$lib/text';
import type { Answer } from './answer';
import { answerFits } from './fits';
import { clozeBank } from './cloze';
import { sentencesOf, type ParagraphText } from './passage';
import { matchesShort } from './short';

/** The result of grading one answer. */
export interface Grade {
	/** Fully right. */
	correct: boolean;
	/** Credit from 0 to 1; below 1 whenever `correct` is false. */
	score: number;
}

type Of<T extends Question['type']> = Extract<Question, { type: T }>;
type AnswerOf<T extends Answer['type']> = Extract<Answer, { type: T }>;

// A fresh object each time: callers may keep and change grades.
const wrong = (): Grade => ({ correct: false, score: 0 });

const allOrNothing = (right: boolean): Grade => (right ? { correct: true, score: 1 } : wrong());

// Whole counts decide `correct`, so it never hinges on how a fraction rounds.
function share(right: number, total: number): Grade {
	if (total <= 0 || right >= total) return { correct: true, score: 1 };
	return { correct: false, score: Math.max(0, right / total) };
}

/** Two options read the same in both languages, so either may fill the other's place. */
function sameText(a: { ar: string; en: string }, b: { ar: string; en: string }): boolean {
	return normalise(a.ar) === normalise(b.ar) && normalise(a.en) === normalise(b.en);
}

function gradeMulti(question: Of<'multi'>, answer: AnswerOf<'multi'>): Grade {
	const correct = question.choices.filter((choice) => choice.correct === true).length;
	let rightPicks = 0;
	let wrongPicks = 0;
	for (const pick of answer.choices) {
		if (question.choices[pick]?.correct === true) rightPicks++;
		else wrongPicks++;
	}
	if (rightPicks === correct && wrongPicks === 0) return { correct: true, score: 1 };
	return {
		correct: false,
		score: correct > 0 ? Math.max(0, (rightPicks - wrongPicks) / correct) : 0
	};
}

// ---- order, match, cloze --------------------------------------------------------------------

// Kendall-style: the share of all item pairs whose relative order is right. Counting items in the
// right position instead would give nothing for a list that is right but for one event put first.
function gradeOrder(answer: AnswerOf<'order'>): Grade {
	const { order } = answer;
	let concordant = 0;
	let pairs = 0;
	for (let i = 0; i < order.length; i++) {
		for (let j = i + 1; j < order.length; j++) {
			pairs++;
			if ((order[i] ?? 0) < (order[j] ?? 0)) concordant++;
		}
	}
	return share(concordant, pairs);
}

function gradeMatch(question: Of<'match'>, answer: AnswerOf<'match'>): Grade {
	let right = 0;
	question.pairs.forEach((pair, left) => {
		const chosen = question.pairs[answer.pairs[left] ?? -1];
		if (chosen !== undefined && sameText(chosen.right, pair.right)) right++;
	});
	return share(right, question.pairs.length);
}

function gradeCloze(question: Of<'cloze'>, answer: AnswerOf<'cloze'>): Grade {
	const bank = clozeBank(question);
	let right = 0;
	question.gaps.forEach((gap, i) => {
		const fill = answer.fills[i];
		const word = fill === null || fill === undefined ? undefined : bank[fill];
		if (word !== undefined && sameText(word, gap)) right++;
	});
	return share(right, question.gaps.length);
}

// ---- evidence -------------------------------------------------------------------------------

/**
 * Where a question's evidence lies in one language of its paragraph: the span a compiled question
 * carries, or else `evidence` / `evidence_en` found word for word by `findQuote` (case, vowel marks,
 * punctuation and spacing aside).
 *
 * @param paragraph the question's paragraph (`paragraphs[question.paragraph]`)
 * @returns the span in `paragraph[lang]`, or null when the quote cannot be found
 */
export function evidenceSpan(
	question: Question & { evidenceSpan?: { ar: Span; en: Span } },
	paragraph: ParagraphText,
	lang: 'ar' | 'en'
): Span | null {
	return (
		question.evidenceSpan?.[lang] ??
		findQuote(paragraph[lang], lang === 'ar' ? question.evidence : question.evidence_en)
	);
}

function gradeEvidence(
	question: Of<'evidence'>,
	answer: AnswerOf<'evidence'>,
	paragraphs: readonly ParagraphText[]
): Grade {
	const paragraph = paragraphs[answer.paragraph];
	if (answer.paragraph !== question.paragraph || paragraph === undefined) return wrong();
	const sentence = sentencesOf(paragraph, answer.lang)[answer.sentence];
	const evidence = evidenceSpan(question, paragraph, answer.lang);
	if (sentence === undefined || evidence === null) return wrong();
	return allOrNothing(sentence.start < evidence.end && evidence.start < sentence.end);
}

// ---- entry point ----------------------------------------------------------------------------

/**
 * Grades one answer. Choice, true/false, short (./short) and evidence answers are right or wrong; the others
 * earn partial credit:
 * - `multi`: (right picks − wrong picks) / number of right choices, at least 0;
 * - `order`: the share of item pairs put in the right relative order (Kendall-style);
 * - `match`: the share of left items matched right;
 * - `cloze`: the share of gaps filled right, where a bank word that reads the same as the gap's word
 *   in both languages counts as right.
 *
 * An answer of another type, with an index out of range, or malformed, scores 0.
 *
 * @param question a question, or a compiled one (whose `evidenceSpan` is then used)
 * @param paragraphs the lesson's paragraphs (`ar` and `en`, and `sentences` when compiled), needed
 *   for evidence questions
 */
export function grade(
	question: Question,
	answer: Answer,
	paragraphs: readonly ParagraphText[]
): Grade {
	if (!answerFits(question, answer)) return wrong();
	switch (question.type) {
		case 'choice':
			return allOrNothing(
				answer.type === 'choice' && question.choices[answer.choice]?.correct === true
			);
		case 'multi':
			return answer.type === 'multi' ? gradeMulti(question, answer) : wrong();
		case 'truefalse':
			return allOrNothing(answer.type === 'truefalse' && answer.value === question.answer);
		case 'short':
			// Either language's answers count, whichever the student reads in (see ./short).
			return allOrNothing(answer.type === 'short' && matchesShort(question, answer.text));
		case 'order':
			return answer.type === 'order' ? gradeOrder(answer) : wrong();
		case 'match':
			return answer.type === 'match' ? gradeMatch(question, answer) : wrong();
		case 'cloze':
			return answer.type === 'cloze' ? gradeCloze(question, answer) : wrong();
		case 'evidence':
			return answer.type === 'evidence' ? gradeEvidence(question, answer, paragraphs) : wrong();
	}
}
