/**
 * What the results page of one assignment is sent: the matrix of `./matrix` cut to what the page
 * shows, in the page's language. Each student's cells are one short string (`./cells`), which
 * the browser turns into the grid, and every text is in the one language the page is read in
 * (the other language is another URL, and loads its own). At 40 students × 21 questions the
 * page's data is a few KB instead of about 100, and the server renders no cell.
 */
import type { Bilingual } from '$lib/lesson/types';
import type { Lang } from '$lib/i18n';
import { encodeCells } from './cells';
import type { Matrix, QuestionResult, ResultsSummary } from './matrix';

/** A first answer that was not fully right, in the page's language. */
export interface WrongAnswerView {
	answer: string;
	count: number;
	/** What a teacher accepts when accepting a typed answer (see `$lib/server/accepted`). */
	group: string;
	/** Partly right, not wrong. */
	partly: boolean;
}

/** A question's figures, in the page's language. */
export interface QuestionView {
	id: string;
	number: number;
	type: QuestionResult['type'];
	skill: QuestionResult['skill'];
	paragraph: number;
	prompt: string;
	rightAnswer: string;
	otherForms: string[];
	/** The first tries given, readable; the grid's cells point here. */
	answers: string[];
	answered: number;
	correct: number;
	partly: number;
	later: number;
	shareCorrect: number | null;
	/** The first answers not fully right, most given first; partly right ones say so. */
	wrongAnswers: WrongAnswerView[];
}

/** A row of the grid. */
export interface StudentView {
	id: string;
	name: string;
	answered: number;
	score: number;
	late: boolean;
	/** The row's cells, encoded by `encodeCells`. */
	cells: string;
}

/** The paragraph whose questions got the most wrong first answers, in both languages. */
export interface MissedView {
	index: number;
	answered: number;
	wrong: number;
	ar: string;
	en: string;
}

/** Everything the results page shows. */
export interface ResultsView {
	class: { id: string; name: string; timeZone: string };
	lesson: { id: string; title: string; questionCount: number };
	dueDate: string | null;
	summary: ResultsSummary;
	questions: QuestionView[];
	students: StudentView[];
	missed: MissedView | null;
}

/** What `resultsView` is made from: the matrix and the assignment it belongs to. */
export interface ResultsViewInput extends Matrix {
	class: ResultsView['class'];
	lesson: { id: string; title: Bilingual; questionCount: number };
	dueDate: string | null;
}

/**
 * The page's view of an assignment's results in `lang`.
 *
 * @param paragraphs the lesson's paragraphs, for the text of the one missed most
 */
export function resultsView(
	results: ResultsViewInput,
	lang: Lang,
	paragraphs: readonly Bilingual[]
): ResultsView {
	const figures = results.paragraphs.find((p) => p.index === results.mostMissedParagraph);
	const text = figures && paragraphs[figures.index];
	return {
		class: results.class,
		lesson: {
			id: results.lesson.id,
			title: results.lesson.title[lang],
			questionCount: results.lesson.questionCount
		},
		dueDate: results.dueDate,
		summary: results.summary,
		questions: results.questions.map((question) => ({
			id: question.id,
			number: question.number,
			type: question.type,
			skill: question.skill,
			paragraph: question.paragraph,
			prompt: question.prompt[lang],
			rightAnswer: question.rightAnswer[lang],
			otherForms: question.otherForms[lang],
			answers: question.answers.map((answer) => answer[lang]),
			answered: question.answered,
			correct: question.correct,
			partly: question.partly,
			later: question.later,
			shareCorrect: question.shareCorrect,
			wrongAnswers: question.wrongAnswers.map((wrong) => ({
				answer: wrong.answer[lang],
				count: wrong.count,
				group: wrong.group,
				partly: wrong.partly
			}))
		})),
		students: results.students.map((student) => ({
			id: student.id,
			name: student.name,
			answered: student.answered,
			score: student.score,
			late: student.late,
			cells: encodeCells(student.cells)
		})),
		missed:
			figures && text
				? {
						index: figures.index,
						answered: figures.answered,
						wrong: figures.wrong,
						ar: text.ar,
						en: text.en
					}
				: null
	};
}
