/**
 * Answers as a teacher reads them: the chosen options' text rather than their indexes, in both
 * languages, and the lesson's own key in the same form. Also the key that groups answers which read
 * the same, so "the most common wrong answer" and an answer a teacher accepts mean one thing.
 */
import type { Bilingual, CompiledQuestion, Lesson } from '$lib/lesson/types';
import ar from '$lib/i18n/locales/ar.json';
import en from '$lib/i18n/locales/en.json';
import { normalise } from '$lib/text';
import { parseAnswer, type Answer } from './answer';
import { clozeBank } from './cloze';
import { keyAnswer } from './key';

/** The student pages' own words for true / false / not given, so paper and phone agree. */
export const TRUE_FALSE: Record<string, Bilingual> = {
	true: { ar: ar.quiz.true, en: en.quiz.true },
	false: { ar: ar.quiz.false, en: en.quiz.false },
	'not-given': { ar: ar.quiz.notGiven, en: en.quiz.notGiven }
};

const BLANK = '—';
const MISSING: Bilingual = { ar: BLANK, en: BLANK };

function joinBoth(parts: Bilingual[], separator: Bilingual): Bilingual {
	return {
		ar: parts.map((part) => part.ar).join(separator.ar),
		en: parts.map((part) => part.en).join(separator.en)
	};
}

const same = (text: string): Bilingual => ({ ar: text, en: text });

// Only the two texts: a choice also carries whether it is right, which the page has no use for.
const both = (text: Bilingual | undefined): Bilingual | null =>
	text ? { ar: text.ar, en: text.en } : null;

/**
 * An answer as a teacher reads it.
 *
 * @returns null when the answer does not fit the question (it was graded against an older
 *   version of the lesson)
 */
export function describeAnswer(
	question: CompiledQuestion,
	answer: Answer,
	lesson: Pick<Lesson, 'paragraphs'>
): Bilingual | null {
	switch (answer.type) {
		case 'choice':
			return question.type === 'choice' ? both(question.choices[answer.choice]) : null;
		case 'multi':
			if (question.type !== 'multi') return null;
			return joinBoth(
				[...answer.choices].sort((a, b) => a - b).map((i) => both(question.choices[i]) ?? MISSING),
				{ ar: '؛ ', en: '; ' }
			);
		case 'truefalse':
			return TRUE_FALSE[answer.value] ?? null;
		case 'short':
			return same(answer.text);
		case 'order':
			if (question.type !== 'order') return null;
			// The arrow points the way each language reads, so the order reads first to last.
			return joinBoth(
				answer.order.map((i) => question.items[i] ?? MISSING),
				{ ar: ' ← ', en: ' → ' }
			);
		case 'match':
			if (question.type !== 'match') return null;
			return joinBoth(
				question.pairs.map((pair, left) => {
					const right = question.pairs[answer.pairs[left] ?? -1]?.right ?? MISSING;
					return { ar: `${pair.left.ar} = ${right.ar}`, en: `${pair.left.en} = ${right.en}` };
				}),
				{ ar: '؛ ', en: '; ' }
			);
		case 'cloze': {
			if (question.type !== 'cloze') return null;
			const bank = clozeBank(question);
			return joinBoth(
				answer.fills.map((fill) => (fill === null ? MISSING : (bank[fill] ?? MISSING))),
				{ ar: '، ', en: ', ' }
			);
		}
		case 'evidence': {
			const paragraph = lesson.paragraphs[answer.paragraph];
			const span = paragraph?.sentences[answer.lang][answer.sentence];
			if (!paragraph || !span) return null;
			return same(paragraph[answer.lang].slice(span.start, span.end).trim());
		}
	}
}

/**
 * The right answer as a teacher reads it, in each language from that language's own key. For a
 * typed answer, the model answer (the first accepted form); `otherForms` gives the rest.
 */
export function describeKey(
	question: CompiledQuestion,
	lesson: Pick<Lesson, 'paragraphs'>
): Bilingual {
	if (question.type === 'short') {
		return { ar: question.answers.ar[0] ?? '', en: question.answers.en[0] ?? '' };
	}
	if (question.type === 'evidence') {
		const paragraph = lesson.paragraphs[question.paragraph];
		const { ar: arSpan, en: enSpan } = question.evidenceSpan;
		return paragraph
			? {
					ar: paragraph.ar.slice(arSpan.start, arSpan.end),
					en: paragraph.en.slice(enSpan.start, enSpan.end)
				}
			: MISSING;
	}
	return describeAnswer(question, keyAnswer(question, lesson.paragraphs, 'en'), lesson) ?? MISSING;
}

/**
 * A typed answer's other accepted forms in each language (a hedged phrase, Arabic-Indic digits,
 * a number in words …), beyond the model answer `describeKey` gives; none for other types.
 */
export function otherForms(question: CompiledQuestion): { ar: string[]; en: string[] } {
	if (question.type !== 'short') return { ar: [], en: [] };
	return { ar: question.answers.ar.slice(1), en: question.answers.en.slice(1) };
}

/**
 * A key under which answers that read the same fall together: typed text compared as the grader
 * compares it, picks in any order.
 */
export function answerGroup(answer: Answer): string {
	switch (answer.type) {
		case 'short':
			return shortGroup(answer.text);
		case 'multi':
			return `multi:${[...answer.choices].sort((a, b) => a - b).join(',')}`;
		default:
			return JSON.stringify(answer);
	}
}

/** The group of a typed answer: what a teacher accepts when accepting it. */
export function shortGroup(text: string): string {
	return `short:${normalise(text, { lenient: true })}`;
}

/** An answer as stored (JSON text), or null when it no longer parses. */
export function readStoredAnswer(stored: string): Answer | null {
	try {
		return parseAnswer(JSON.parse(stored));
	} catch {
		return null;
	}
}
