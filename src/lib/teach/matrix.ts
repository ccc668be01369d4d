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
 */
import type { Bilingual, CompiledQuestion, Lesson } from '$lib/lesson/types';
import { answerGroup, describeAnswer, describeKey, readStoredAnswer } from '$lib/quiz/describe';

/**
 * - `right`: right at the first try;
 * - `partly`: the first try earned some credit but not all (see `score`);
 * - `later`: the first try earned nothing, a later one was right (see `rightAt`);
 * - `wrong`: nothing right yet;
 * - `not-yet`: not answered.
 */
export type CellState = 'right' | 'partly' | 'later' | 'wrong' | 'not-yet';

/** One student's result on one question. */
export interface ResultCell {
	questionId: string;
	state: CellState;
	/** Credit of the first try, 0 to 1, or null when not answered. */
	score: number | null;
	/** How many answers the student sent for this question. */
	tries: number;
	/** Which try was first fully right (1 = the first), or null. */
	rightAt: number | null;
	/** The first try reached the server after the due date ended. */
	late: boolean;
	/** The first try, readable; null when not answered. */
	answer: Bilingual | null;
}

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
	/** The lesson's key, readable. */
	rightAnswer: Bilingual;
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
	/** The first of `wrongAnswers`, or null. */
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

/** The state of a cell from its tries, first first. */
export function cellState(tries: readonly Pick<AttemptFacts, 'correct' | 'score'>[]): {
	state: CellState;
	rightAt: number | null;
} {
	const first = tries[0];
	if (!first) return { state: 'not-yet', rightAt: null };
	const index = tries.findIndex((attempt) => attempt.correct === 1);
	const rightAt = index === -1 ? null : index + 1;
	if (first.correct === 1) return { state: 'right', rightAt };
	if (first.score > 0) return { state: 'partly', rightAt };
	return { state: rightAt === null ? 'wrong' : 'later', rightAt };
}

interface FirstTry {
	group: string | null;
	answer: Bilingual | null;
}

/** Builds the matrix and its figures. Students come out sorted by name. */
export function buildMatrix({ lesson, dueEnd, students, attempts }: MatrixInput): Matrix {
	const questionIndex = new Map(lesson.questions.map((question, i) => [question.id, i]));
	const questionCount = lesson.questions.length;
	// Tries per student, per question index, in the order received.
	const tries = new Map<string, AttemptFacts[][]>();
	for (const attempt of attempts) {
		const column = questionIndex.get(attempt.question_id);
		if (column === undefined) continue;
		let row = tries.get(attempt.student_id);
		if (!row) {
			row = Array.from({ length: questionCount }, () => []);
			tries.set(attempt.student_id, row);
		}
		row[column]!.push(attempt);
	}
	// Reading an answer costs a JSON parse and a validation: only first tries are read, and each
	// distinct stored answer once per question (a class gives few distinct answers).
	const read = lesson.questions.map(() => new Map<string, FirstTry>());
	const readFirst = (attempt: AttemptFacts, column: number): FirstTry => {
		const cache = read[column]!;
		let found = cache.get(attempt.answer);
		if (!found) {
			const answer = readStoredAnswer(attempt.answer);
			const question = lesson.questions[column]!;
			found =
				answer === null
					? { group: null, answer: null }
					: { group: answerGroup(answer), answer: describeAnswer(question, answer, lesson) };
			cache.set(attempt.answer, found);
		}
		return found;
	};

	const rows: StudentResult[] = students.map((student) => {
		const row = tries.get(student.id);
		let answered = 0;
		let correct = 0;
		let total = 0;
		let lastAnswerAt: string | null = null;
		const cells = lesson.questions.map((question, i): ResultCell => {
			const list = row?.[i] ?? [];
			for (const attempt of list) {
				if (lastAnswerAt === null || attempt.received_at > lastAnswerAt) {
					lastAnswerAt = attempt.received_at;
				}
			}
			const { state, rightAt } = cellState(list);
			const first = list[0];
			if (!first) {
				return {
					questionId: question.id,
					state,
					score: null,
					tries: 0,
					rightAt,
					late: false,
					answer: null
				};
			}
			answered++;
			total += first.score;
			if (state === 'right') correct++;
			return {
				questionId: question.id,
				state,
				score: first.score,
				tries: list.length,
				rightAt,
				late: dueEnd !== null && first.received_at >= dueEnd,
				answer: readFirst(first, i).answer
			};
		});
		return {
			id: student.id,
			name: student.display_name,
			cells,
			answered,
			correct,
			score: questionCount === 0 ? 0 : total / questionCount,
			complete: questionCount > 0 && answered === questionCount,
			late: cells.some((cell) => cell.late),
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
			const first = tries.get(row.id)?.[i]?.[0];
			const given = first ? readFirst(first, i) : null;
			if (!given || given.group === null || given.answer === null) continue;
			const group = wrong.get(given.group);
			if (group) group.count++;
			else wrong.set(given.group, { answer: given.answer, count: 1, group: given.group });
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
			answered,
			correct,
			partly,
			later,
			shareCorrect: answered === 0 ? null : correct / answered,
			wrongAnswers,
			mostCommonWrong: wrongAnswers[0] ?? null
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
