/**
 * The results of one assignment, from plain rows: the students × questions matrix, how the class
 * did on each question and each paragraph, and the summary. No database and no clock: the server
 * queries the rows, this turns them into what the results page, the print and the CSV show.
 *
 * Which answer counts: a student's FIRST answer to each question: the first the server received,
 * and within one batch the first in the outbox's order (the rows arrive in that order). Qiraa is
 * formative practice and lets students try again after seeing the feedback and the evidence, so
 * later tries say little about what they understood from reading; they are reported beside it
 * (how many, and the try that was right).
 *
 * The matrix needs only a few facts of each student's tries at each question (`CellFacts`): how
 * many, which was first right, and the first one itself. `summariseTries` works them out from the
 * answer rows; the server asks the database for the same facts in one grouped query (see
 * `$lib/server/results`), so a results page never carries every answer row into JavaScript.
 * Both feed `matrixFromFacts`, and a test holds the two to the same matrix on random classes.
 */
import type { Bilingual, CompiledQuestion, Lesson } from '$lib/lesson/types';
import {
	answerGroup,
	describeAnswer,
	describeKey,
	otherForms,
	readStoredAnswer
} from '$lib/quiz/describe';
import { answeredState, NOT_YET, type ResultCell } from './cell-state';

// Its rows are made of these: what imports the matrix reads them from here too.
export type { CellState, ResultCell } from './cell-state';

/** One row of the matrix. */
export interface StudentResult {
	id: string;
	name: string;
	cells: ResultCell[];
	/** Questions answered at least once. */
	answered: number;
	/** Questions right at the first try. */
	correct: number;
	/** Sum of first-try credit over all the lesson's questions (unanswered count 0), 0 to 1. */
	score: number;
	/** Every question answered. */
	complete: boolean;
	/** Some first try arrived after the due date ended. */
	late: boolean;
	/** When the server last received an answer of theirs for this lesson. */
	lastAnswerAt: string | null;
}

/** A first answer that was not fully right, with how many students gave it. */
export interface WrongAnswer {
	/** Readable. */
	answer: Bilingual;
	count: number;
	/** The grouping key (`answerGroup`): what a teacher accepts when accepting a typed answer. */
	group: string;
	/** Partly right (some credit), not wrong. */
	partly: boolean;
}

/** How the class did on one question. */
export interface QuestionResult {
	id: string;
	/** Position in the lesson, from 1, for column headings. */
	number: number;
	type: CompiledQuestion['type'];
	skill: CompiledQuestion['skill'];
	/** The paragraph (from 0) that holds the evidence. */
	paragraph: number;
	prompt: Bilingual;
	/** The lesson's key, readable (for a typed answer, its model answer). */
	rightAnswer: Bilingual;
	/** A typed answer's other accepted forms, per language. */
	otherForms: { ar: string[]; en: string[] };
	/** The first tries given, readable, one per group of answers that read alike (cells point here). */
	answers: Bilingual[];
	/** Students who answered. */
	answered: number;
	/** Students right at the first try. */
	correct: number;
	/** Students partly right at the first try. */
	partly: number;
	/** Students right only at a later try. */
	later: number;
	/** `correct / answered`, or null when nobody answered. */
	shareCorrect: number | null;
	/** The first answers that were not fully right, most given first. */
	wrongAnswers: WrongAnswer[];
	/** The first of `wrongAnswers` that was not partly right, or null. */
	mostCommonWrong: WrongAnswer | null;
}

/** How the class did on the questions about one paragraph. */
export interface ParagraphResult {
	/** From 0. */
	index: number;
	questions: number;
	/** First answers to those questions. */
	answered: number;
	/** First answers that were not right. */
	wrong: number;
	/** `wrong / answered`, or null. */
	missedShare: number | null;
}

/** The summary line of an assignment. */
export interface ResultsSummary {
	students: number;
	/** Students who answered every question. */
	completed: number;
	/** Mean score of the students who answered anything, or null. */
	averageScore: number | null;
	/** Students with a late mark. */
	late: number;
}

/** What the matrix is built from. */
export interface MatrixInput {
	lesson: Pick<Lesson, 'questions' | 'paragraphs'>;
	/** The instant the due date ends (ISO, as `toISOString` writes it), or null. */
	dueEnd: string | null;
	students: readonly { id: string; display_name: string }[];
	/** Every answer to the lesson, in the order received (see the header). */
	attempts: readonly AttemptFacts[];
}

/** The columns of a stored answer that the matrix reads. */
export interface AttemptFacts {
	student_id: string;
	question_id: string;
	/** JSON, as stored. */
	answer: string;
	correct: number;
	score: number;
	/** ISO, as `toISOString` writes it, so it compares as text. */
	received_at: string;
}

/** What `buildMatrix` returns. */
export interface Matrix {
	questions: QuestionResult[];
	students: StudentResult[];
	/** Paragraphs that have questions, in text order. */
	paragraphs: ParagraphResult[];
	/** The paragraph with the most wrong first answers, or null when nothing was missed. */
	mostMissedParagraph: number | null;
	summary: ResultsSummary;
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

/** Sorts by display name the way a class list reads, then by id so equal names keep one order. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
	return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What one student's tries at one question come to, all the matrix reads of them. Column names
 * as the database returns them, since the server's grouped query gives exactly these.
 */
export interface CellFacts {
	student_id: string;
	question_id: string;
	/** How many answers the student sent for this question, at least 1. */
	tries: number;
	/** Which try was first fully right, from 1, or null. */
	right_at: number | null;
	/** The first try (see the header): its stored answer, grade and arrival. */
	first_answer: string;
	first_correct: number;
	first_score: number;
	first_received_at: string;
	/** The latest arrival of any of the tries. */
	last_received_at: string;
}

/** The facts of every (student, question) with an answer, from answer rows in the order received. */
export function summariseTries(attempts: readonly AttemptFacts[]): CellFacts[] {
	const cells = new Map<string, CellFacts>();
	for (const attempt of attempts) {
		const key = `${attempt.student_id}\u0000${attempt.question_id}`;
		const cell = cells.get(key);
		if (!cell) {
			cells.set(key, {
				student_id: attempt.student_id,
				question_id: attempt.question_id,
				tries: 1,
				right_at: attempt.correct === 1 ? 1 : null,
				first_answer: attempt.answer,
				first_correct: attempt.correct,
				first_score: attempt.score,
				first_received_at: attempt.received_at,
				last_received_at: attempt.received_at
			});
			continue;
		}
		cell.tries++;
		if (cell.right_at === null && attempt.correct === 1) cell.right_at = cell.tries;
		if (attempt.received_at > cell.last_received_at) cell.last_received_at = attempt.received_at;
	}
	return [...cells.values()];
}

interface FirstTry {
	group: string | null;
	/** Index into the question's `answers`, or null when the stored answer cannot be read. */
	index: number | null;
}

/** Builds the matrix and its figures from answer rows. Students come out sorted by name. */
export function buildMatrix({ lesson, dueEnd, students, attempts }: MatrixInput): Matrix {
	return matrixFromFacts({ lesson, dueEnd, students, cells: summariseTries(attempts) });
}

/** What `matrixFromFacts` builds from: the facts instead of the answer rows. */
export interface FactsInput extends Omit<MatrixInput, 'attempts'> {
	/** At most one per (student, question), in any order. */
	cells: readonly CellFacts[];
}

/** Builds the matrix and its figures from the facts of each cell. Students come out sorted by name. */
export function matrixFromFacts({ lesson, dueEnd, students, cells }: FactsInput): Matrix {
	const questionIndex = new Map(lesson.questions.map((question, i) => [question.id, i]));
	const questionCount = lesson.questions.length;
	// Facts per student, per question index.
	const facts = new Map<string, (CellFacts | undefined)[]>();
	for (const cell of cells) {
		const column = questionIndex.get(cell.question_id);
		if (column === undefined) continue;
		let row = facts.get(cell.student_id);
		if (!row) {
			row = new Array<CellFacts | undefined>(questionCount);
			facts.set(cell.student_id, row);
		}
		row[column] = cell;
	}
	// Reading an answer costs a JSON parse and a validation: each distinct stored answer is read
	// once per question (a class gives few distinct answers), and its readable form is kept once
	// in the question's `answers`, which cells point into: a page of 840 cells carries a few
	// dozen answers, not 840.
	const read = lesson.questions.map(() => new Map<string, FirstTry>());
	const readable: Bilingual[][] = lesson.questions.map(() => []);
	const readFirst = (stored: string, column: number): FirstTry => {
		const cache = read[column]!;
		let found = cache.get(stored);
		if (!found) {
			const answer = readStoredAnswer(stored);
			const described = answer && describeAnswer(lesson.questions[column]!, answer, lesson);
			found = {
				group: answer && answerGroup(answer),
				index: described ? readable[column]!.push(described) - 1 : null
			};
			cache.set(stored, found);
		}
		return found;
	};

	const rows: StudentResult[] = students.map((student) => {
		const row = facts.get(student.id);
		let answered = 0;
		let correct = 0;
		let total = 0;
		let lastAnswerAt: string | null = null;
		const resultCells = lesson.questions.map((_, i): ResultCell => {
			const cell = row?.[i];
			if (!cell) return { ...NOT_YET };
			if (lastAnswerAt === null || cell.last_received_at > lastAnswerAt) {
				lastAnswerAt = cell.last_received_at;
			}
			const state = answeredState(
				{ correct: cell.first_correct, score: cell.first_score },
				cell.right_at
			);
			answered++;
			total += cell.first_score;
			if (state === 'right') correct++;
			return {
				state,
				score: cell.first_score,
				tries: cell.tries,
				rightAt: cell.right_at,
				late: dueEnd !== null && cell.first_received_at >= dueEnd,
				answer: readFirst(cell.first_answer, i).index
			};
		});
		return {
			id: student.id,
			name: student.display_name,
			cells: resultCells,
			answered,
			correct,
			score: questionCount === 0 ? 0 : total / questionCount,
			complete: questionCount > 0 && answered === questionCount,
			late: resultCells.some((cell) => cell.late),
			lastAnswerAt
		};
	});
	rows.sort(byName);

	const questions = lesson.questions.map((question, i): QuestionResult => {
		let answered = 0;
		let correct = 0;
		let partly = 0;
		let later = 0;
		const wrong = new Map<string, WrongAnswer>();
		for (const row of rows) {
			const cell = row.cells[i]!;
			if (cell.state === 'not-yet') continue;
			answered++;
			if (cell.state === 'right') {
				correct++;
				continue;
			}
			if (cell.state === 'partly') partly++;
			if (cell.state === 'later') later++;
			const first = facts.get(row.id)?.[i];
			const given = first ? readFirst(first.first_answer, i) : null;
			if (!given || given.group === null || given.index === null) continue;
			const group = wrong.get(given.group);
			if (group) group.count++;
			else {
				wrong.set(given.group, {
					answer: readable[i]![given.index]!,
					count: 1,
					group: given.group,
					partly: cell.state === 'partly'
				});
			}
		}
		// A stable sort keeps a tie in the roster's order: the answer given first wins.
		const wrongAnswers = [...wrong.values()].sort((a, b) => b.count - a.count);
		return {
			id: question.id,
			number: i + 1,
			type: question.type,
			skill: question.skill,
			paragraph: question.paragraph,
			prompt: question.prompt,
			rightAnswer: describeKey(question, lesson),
			otherForms: otherForms(question),
			answers: readable[i]!,
			answered,
			correct,
			partly,
			later,
			shareCorrect: answered === 0 ? null : correct / answered,
			wrongAnswers,
			// A partly right answer is not a wrong one: the teacher sees it in `partly`.
			mostCommonWrong: wrongAnswers.find((answer) => !answer.partly) ?? null
		};
	});

	const paragraphs = paragraphResults(questions);
	const started = rows.filter((row) => row.answered > 0);
	return {
		questions,
		students: rows,
		paragraphs,
		mostMissedParagraph: mostMissed(paragraphs),
		summary: {
			students: rows.length,
			completed: rows.filter((row) => row.complete).length,
			averageScore:
				started.length === 0
					? null
					: started.reduce((sum, row) => sum + row.score, 0) / started.length,
			late: rows.filter((row) => row.late).length
		}
	};
}

function paragraphResults(questions: readonly QuestionResult[]): ParagraphResult[] {
	const byIndex = new Map<number, ParagraphResult>();
	for (const question of questions) {
		const entry = byIndex.get(question.paragraph) ?? {
			index: question.paragraph,
			questions: 0,
			answered: 0,
			wrong: 0,
			missedShare: null
		};
		entry.questions++;
		entry.answered += question.answered;
		entry.wrong += question.answered - question.correct;
		entry.missedShare = entry.answered === 0 ? null : entry.wrong / entry.answered;
		byIndex.set(question.paragraph, entry);
	}
	return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

function mostMissed(paragraphs: readonly ParagraphResult[]): number | null {
	let most: ParagraphResult | null = null;
	for (const paragraph of paragraphs) {
		if (paragraph.wrong === 0) continue;
		if (
			most === null ||
			paragraph.wrong > most.wrong ||
			(paragraph.wrong === most.wrong && (paragraph.missedShare ?? 0) > (most.missedShare ?? 0))
		) {
			most = paragraph;
		}
	}
	return most?.index ?? null;
}
