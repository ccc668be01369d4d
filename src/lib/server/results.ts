/**
 * What the class understood: per assignment a students × questions matrix with completion, score
 * and late marks; per question the share right, the most common wrong answer and its paragraph;
 * per student their history; CSV exports that open in Excel with Arabic intact.
 *
 * Which answer counts: a student's FIRST answer to each question: the first the server received, and
 * within one batch the first in the outbox's order. The device's clock plays no part. Qiraa is formative practice and lets students try
 * again after seeing the feedback and the evidence, so later tries say little about what they
 * understood from reading; the number of tries is reported beside it.
 */
import type { Bilingual, CompiledQuestion, Lesson } from '$lib/lesson/types';
import { clozeBank, parseAnswer, scoreLesson, type Answer, type Grade } from '$lib/quiz';
import { normalise } from '$lib/text';
import { getLesson, lessonLookup } from '$lib/server/lessons';
import { dueEnd, isLate } from './assignments';
import { isId, requireClass } from './classes';
import type { ClassRow, Db } from './db/database';
import { NotFoundError } from './errors';

/** Right, wrong (including partly right), or not answered yet. */
export type CellState = 'right' | 'wrong' | 'not-yet';

/** One student's result on one question. */
export interface ResultCell {
	questionId: string;
	state: CellState;
	/** Credit of the first try, 0 to 1, or null when not answered. */
	score: number | null;
	/** How many answers the student sent for this question. */
	tries: number;
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
	/** Students who answered. */
	answered: number;
	/** Students right at the first try. */
	correct: number;
	/** `correct / answered`, or null when nobody answered. */
	shareCorrect: number | null;
	/** The wrong first answer given most often, readable, and by how many students. */
	mostCommonWrong: { answer: Bilingual; count: number } | null;
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

/** Everything the results page of one assignment shows. */
export interface AssignmentResults {
	class: { id: string; name: string; timeZone: string };
	lesson: { id: string; title: Bilingual; version: string; questionCount: number };
	dueDate: string | null;
	/** The instant the due date ends (ISO), or null. */
	dueEnd: string | null;
	questions: QuestionResult[];
	students: StudentResult[];
	/** Paragraphs that have questions, in text order. */
	paragraphs: ParagraphResult[];
	/** The paragraph with the most wrong first answers, or null when nothing was missed. */
	mostMissedParagraph: number | null;
	summary: {
		students: number;
		/** Students who answered every question. */
		completed: number;
		/** Mean score of the students who answered anything, or null. */
		averageScore: number | null;
		/** Students with a late mark. */
		late: number;
	};
}

/** One stored answer in a student's history. */
export interface HistoryEntry {
	id: string;
	lessonId: string;
	questionId: string;
	/** Null when the lesson or question is no longer on the server. */
	prompt: Bilingual | null;
	answer: Bilingual | null;
	correct: boolean;
	score: number;
	/** The first answer to this question (the one that counts). */
	first: boolean;
	/** The device's clock: for reference only. */
	answeredAt: string;
	receivedAt: string;
	late: boolean;
	lessonVersion: string;
}

/** A student's history: per lesson, and every answer in the order received. */
export interface StudentHistory {
	student: { id: string; name: string; joinedAt: string; lastSeenAt: string | null };
	lessons: {
		lessonId: string;
		title: Bilingual | null;
		assigned: boolean;
		dueDate: string | null;
		questionCount: number;
		answered: number;
		correct: number;
		score: number;
		complete: boolean;
		late: boolean;
	}[];
	attempts: HistoryEntry[];
}

/** A line of a class's overview: one assignment. */
export interface AssignmentOverview {
	lessonId: string;
	title: Bilingual;
	dueDate: string | null;
	students: number;
	completed: number;
	averageScore: number | null;
	late: number;
}

// ---- readable answers -----------------------------------------------------------------------

const TRUE_FALSE: Record<string, Bilingual> = {
	true: { ar: 'صحيح', en: 'True' },
	false: { ar: 'خطأ', en: 'False' },
	'not-given': { ar: 'غير مذكور', en: 'Not given' }
};

const BLANK = '—';

function joinBoth(parts: Bilingual[], separator: Bilingual): Bilingual {
	return {
		ar: parts.map((part) => part.ar).join(separator.ar),
		en: parts.map((part) => part.en).join(separator.en)
	};
}

const same = (text: string): Bilingual => ({ ar: text, en: text });

/**
 * An answer as a teacher reads it: the chosen options' text rather than their indexes.
 *
 * @returns null when the answer does not fit the question (it was graded against an older
 *   version of the lesson)
 */
export function describeAnswer(
	question: CompiledQuestion,
	answer: Answer,
	lesson: Lesson
): Bilingual | null {
	const missing = { ar: BLANK, en: BLANK };
	switch (answer.type) {
		case 'choice':
			return question.type === 'choice' ? (question.choices[answer.choice] ?? null) : null;
		case 'multi':
			if (question.type !== 'multi') return null;
			return joinBoth(
				[...answer.choices].sort((a, b) => a - b).map((i) => question.choices[i] ?? missing),
				{ ar: '؛ ', en: '; ' }
			);
		case 'truefalse':
			return TRUE_FALSE[answer.value] ?? null;
		case 'short':
			return same(answer.text);
		case 'order':
			if (question.type !== 'order') return null;
			return joinBoth(
				answer.order.map((i) => question.items[i] ?? missing),
				{ ar: ' ← ', en: ' → ' }
			);
		case 'match':
			if (question.type !== 'match') return null;
			return joinBoth(
				question.pairs.map((pair, left) => {
					const right = question.pairs[answer.pairs[left] ?? -1]?.right ?? missing;
					return { ar: `${pair.left.ar} = ${right.ar}`, en: `${pair.left.en} = ${right.en}` };
				}),
				{ ar: '؛ ', en: '; ' }
			);
		case 'cloze': {
			if (question.type !== 'cloze') return null;
			const bank = clozeBank(question);
			return joinBoth(
				answer.fills.map((fill) => (fill === null ? missing : (bank[fill] ?? missing))),
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

// Answers that read the same are grouped when counting wrong answers: typed text compared as the
// grader compares it, picks in any order.
function answerKey(answer: Answer): string {
	switch (answer.type) {
		case 'short':
			return `short:${normalise(answer.text, { lenient: true })}`;
		case 'multi':
			return `multi:${[...answer.choices].sort((a, b) => a - b).join(',')}`;
		default:
			return JSON.stringify(answer);
	}
}

function readAnswer(stored: string): Answer | null {
	try {
		return parseAnswer(JSON.parse(stored));
	} catch {
		return null;
	}
}

// ---- the matrix -----------------------------------------------------------------------------

interface AttemptLine {
	id: string;
	student_id: string;
	lesson_id: string;
	question_id: string;
	answer: string;
	correct: number;
	score: number;
	answered_at: string;
	received_at: string;
	lesson_version: string;
}

const attemptColumns = [
	'attempts.id',
	'attempts.student_id',
	'attempts.lesson_id',
	'attempts.question_id',
	'attempts.answer',
	'attempts.correct',
	'attempts.score',
	'attempts.answered_at',
	'attempts.received_at',
	'attempts.lesson_version'
] as const;

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

async function requireAssignment(db: Db, classRow: ClassRow, lessonId: unknown) {
	const assignment =
		typeof lessonId === 'string'
			? await db
					.selectFrom('assignments')
					.select(['lesson_id', 'due_date'])
					.where('class_id', '=', classRow.id)
					.where('lesson_id', '=', lessonId)
					.executeTakeFirst()
			: undefined;
	if (!assignment) throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	const lesson = await getLesson(db, assignment.lesson_id);
	if (!lesson) throw new NotFoundError('unknown-lesson', 'This lesson is no longer on the server.');
	return { lesson, dueDate: assignment.due_date };
}

function buildResults(
	classRow: ClassRow,
	lesson: Lesson,
	dueDate: string | null,
	students: { id: string; display_name: string }[],
	attempts: AttemptLine[]
): AssignmentResults {
	const late = (receivedAt: string) => isLate(receivedAt, dueDate, classRow.time_zone);
	// Attempts arrive ordered, so the first seen per (student, question) is the one that counts.
	const byCell = new Map<string, AttemptLine[]>();
	for (const attempt of attempts) {
		const key = `${attempt.student_id}\u0000${attempt.question_id}`;
		const list = byCell.get(key);
		if (list) list.push(attempt);
		else byCell.set(key, [attempt]);
	}
	const questionCount = lesson.questions.length;

	const rows: StudentResult[] = students.map((student) => {
		let answered = 0;
		let correct = 0;
		const firstTries: Record<string, Grade> = {};
		let lastAnswerAt: string | null = null;
		const cells = lesson.questions.map((question): ResultCell => {
			const tries = byCell.get(`${student.id}\u0000${question.id}`) ?? [];
			const first = tries[0];
			for (const attempt of tries) {
				if (lastAnswerAt === null || attempt.received_at > lastAnswerAt) {
					lastAnswerAt = attempt.received_at;
				}
			}
			if (!first) {
				return {
					questionId: question.id,
					state: 'not-yet',
					score: null,
					tries: 0,
					late: false,
					answer: null
				};
			}
			answered++;
			firstTries[question.id] = { correct: first.correct === 1, score: first.score };
			if (first.correct === 1) correct++;
			const answer = readAnswer(first.answer);
			return {
				questionId: question.id,
				state: first.correct === 1 ? 'right' : 'wrong',
				score: first.score,
				tries: tries.length,
				late: late(first.received_at),
				answer: answer === null ? null : describeAnswer(question, answer, lesson)
			};
		});
		return {
			id: student.id,
			name: student.display_name,
			cells,
			answered,
			correct,
			// The rule the student's result page uses too, so both show the same number.
			score: scoreLesson(lesson.questions, firstTries).share,
			complete: questionCount > 0 && answered === questionCount,
			late: cells.some((cell) => cell.late),
			lastAnswerAt
		};
	});
	rows.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));

	const questions = lesson.questions.map((question, i): QuestionResult => {
		let answered = 0;
		let correct = 0;
		const wrong = new Map<string, { answer: Bilingual; count: number }>();
		for (const row of rows) {
			const cell = row.cells[i];
			if (!cell || cell.state === 'not-yet') continue;
			answered++;
			if (cell.state === 'right') {
				correct++;
				continue;
			}
			const first = byCell.get(`${row.id}\u0000${question.id}`)?.[0];
			const answer = first ? readAnswer(first.answer) : null;
			if (answer === null || cell.answer === null) continue;
			const key = answerKey(answer);
			const group = wrong.get(key);
			if (group) group.count++;
			else wrong.set(key, { answer: cell.answer, count: 1 });
		}
		let mostCommonWrong: QuestionResult['mostCommonWrong'] = null;
		// Map keeps insertion order, so a tie goes to the answer given first in the roster's order.
		for (const group of wrong.values()) {
			if (mostCommonWrong === null || group.count > mostCommonWrong.count) mostCommonWrong = group;
		}
		return {
			id: question.id,
			number: i + 1,
			type: question.type,
			skill: question.skill,
			paragraph: question.paragraph,
			prompt: question.prompt,
			answered,
			correct,
			shareCorrect: answered === 0 ? null : correct / answered,
			mostCommonWrong
		};
	});

	const paragraphMap = new Map<number, ParagraphResult>();
	for (const question of questions) {
		const entry = paragraphMap.get(question.paragraph) ?? {
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
		paragraphMap.set(question.paragraph, entry);
	}
	const paragraphs = [...paragraphMap.values()].sort((a, b) => a.index - b.index);
	let mostMissed: ParagraphResult | null = null;
	for (const paragraph of paragraphs) {
		if (paragraph.wrong === 0) continue;
		if (
			mostMissed === null ||
			paragraph.wrong > mostMissed.wrong ||
			(paragraph.wrong === mostMissed.wrong &&
				(paragraph.missedShare ?? 0) > (mostMissed.missedShare ?? 0))
		) {
			mostMissed = paragraph;
		}
	}

	const started = rows.filter((row) => row.answered > 0);
	return {
		class: { id: classRow.id, name: classRow.name, timeZone: classRow.time_zone },
		lesson: { id: lesson.id, title: lesson.title, version: lesson.version, questionCount },
		dueDate,
		dueEnd: dueDate === null ? null : dueEnd(dueDate, classRow.time_zone).toISOString(),
		questions,
		students: rows,
		paragraphs,
		mostMissedParagraph: mostMissed?.index ?? null,
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

async function classStudents(db: Db, classId: string) {
	return db
		.selectFrom('students')
		.select(['id', 'display_name'])
		.where('class_id', '=', classId)
		.execute();
}

async function lessonAttempts(db: Db, classId: string, lessonId: string): Promise<AttemptLine[]> {
	return db
		.selectFrom('attempts')
		.innerJoin('students', 'students.id', 'attempts.student_id')
		.select(attemptColumns)
		.where('students.class_id', '=', classId)
		.where('attempts.lesson_id', '=', lessonId)
		.orderBy('attempts.received_at')
		.orderBy('attempts.batch_index')
		.orderBy('attempts.id')
		.execute();
}

/**
 * The results of one assignment: the students × questions matrix (first tries, with tries
 * counted), completion, scores, late marks, per-question and per-paragraph figures.
 *
 * @throws NotFoundError (class, `assignment-not-found`, `unknown-lesson`), ForbiddenError
 */
export async function assignmentResults(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown
): Promise<AssignmentResults> {
	const classRow = await requireClass(db, teacherId, classId);
	const { lesson, dueDate } = await requireAssignment(db, classRow, lessonId);
	const [students, attempts] = await Promise.all([
		classStudents(db, classRow.id),
		lessonAttempts(db, classRow.id, lesson.id)
	]);
	return buildResults(classRow, lesson, dueDate, students, attempts);
}

/**
 * One line per assignment of a class, for the class page: completion, mean score, late marks.
 * Assignments of lessons no longer on the server are left out.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function classOverview(
	db: Db,
	teacherId: string,
	classId: unknown
): Promise<AssignmentOverview[]> {
	const classRow = await requireClass(db, teacherId, classId);
	const [assignments, students, attempts] = await Promise.all([
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date'])
			.where('class_id', '=', classRow.id)
			.orderBy('created_at')
			.orderBy('lesson_id')
			.execute(),
		classStudents(db, classRow.id),
		db
			.selectFrom('attempts')
			.innerJoin('students', 'students.id', 'attempts.student_id')
			.select(attemptColumns)
			.where('students.class_id', '=', classRow.id)
			.orderBy('attempts.received_at')
			.orderBy('attempts.batch_index')
			.orderBy('attempts.id')
			.execute()
	]);
	const overview: AssignmentOverview[] = [];
	const lessonOf = await lessonLookup(
		db,
		assignments.map((row) => row.lesson_id)
	);
	for (const assignment of assignments) {
		const lesson = lessonOf(assignment.lesson_id);
		if (!lesson) continue;
		const results = buildResults(
			classRow,
			lesson,
			assignment.due_date,
			students,
			attempts.filter((attempt) => attempt.lesson_id === lesson.id)
		);
		overview.push({
			lessonId: lesson.id,
			title: lesson.title,
			dueDate: assignment.due_date,
			...results.summary
		});
	}
	return overview;
}

/**
 * One student's history in a class: a line per lesson they answered or were assigned, and every
 * answer they sent, in the order the server received them.
 *
 * @throws NotFoundError (class or `student-not-found`), ForbiddenError
 */
export async function studentHistory(
	db: Db,
	teacherId: string,
	classId: unknown,
	studentId: unknown
): Promise<StudentHistory> {
	const classRow = await requireClass(db, teacherId, classId);
	const student = isId(studentId)
		? await db
				.selectFrom('students')
				.select(['id', 'display_name', 'created_at', 'last_seen_at'])
				.where('id', '=', studentId)
				.where('class_id', '=', classRow.id)
				.executeTakeFirst()
		: undefined;
	if (!student) throw new NotFoundError('student-not-found', 'No such student in this class.');
	const [assignments, attempts] = await Promise.all([
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date', 'created_at'])
			.where('class_id', '=', classRow.id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('attempts')
			.select(attemptColumns)
			.where('attempts.student_id', '=', student.id)
			.orderBy('attempts.received_at')
			.orderBy('attempts.batch_index')
			.orderBy('attempts.id')
			.execute()
	]);
	const dueDates = new Map(assignments.map((row) => [row.lesson_id, row.due_date]));
	const lessonIds = [
		...new Set([...assignments.map((row) => row.lesson_id), ...attempts.map((a) => a.lesson_id)])
	];
	const seen = new Set<string>();
	const lessonOf = await lessonLookup(db, lessonIds, attempts);
	const entries = attempts.map((attempt): HistoryEntry => {
		const lesson = lessonOf(attempt.lesson_id, attempt.lesson_version);
		const question = lesson?.questions.find((candidate) => candidate.id === attempt.question_id);
		const answer = readAnswer(attempt.answer);
		const key = `${attempt.lesson_id}\u0000${attempt.question_id}`;
		const first = !seen.has(key);
		seen.add(key);
		return {
			id: attempt.id,
			lessonId: attempt.lesson_id,
			questionId: attempt.question_id,
			prompt: question?.prompt ?? null,
			answer:
				lesson && question && answer !== null ? describeAnswer(question, answer, lesson) : null,
			correct: attempt.correct === 1,
			score: attempt.score,
			first,
			answeredAt: attempt.answered_at,
			receivedAt: attempt.received_at,
			late: isLate(
				attempt.received_at,
				dueDates.get(attempt.lesson_id) ?? null,
				classRow.time_zone
			),
			lessonVersion: attempt.lesson_version
		};
	});
	const lessons = lessonIds.map((lessonId) => {
		const lesson = lessonOf(lessonId);
		const dueDate = dueDates.get(lessonId) ?? null;
		const row = lesson
			? buildResults(
					classRow,
					lesson,
					dueDate,
					[student],
					attempts.filter((attempt) => attempt.lesson_id === lessonId)
				).students[0]
			: undefined;
		return {
			lessonId,
			title: lesson?.title ?? null,
			assigned: dueDates.has(lessonId),
			dueDate,
			questionCount: lesson?.questions.length ?? 0,
			answered: row?.answered ?? 0,
			correct: row?.correct ?? 0,
			score: row?.score ?? 0,
			complete: row?.complete ?? false,
			late: row?.late ?? false
		};
	});
	return {
		student: {
			id: student.id,
			name: student.display_name,
			joinedAt: student.created_at,
			lastSeenAt: student.last_seen_at
		},
		lessons,
		attempts: entries
	};
}

// ---- CSV ------------------------------------------------------------------------------------

type CsvValue = string | number | boolean | null;

// A cell that starts like a formula would run as one in a spreadsheet; a student can type a name
// such as "=HYPERLINK(…)". A leading apostrophe makes Excel and LibreOffice show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
	let text = value === null ? '' : String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Writes rows as CSV that Excel opens with Arabic intact: UTF-8 with a byte-order mark, every
 * cell quoted, CRLF line ends, and cells that look like formulas defused.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** The languages CSV headings and words come in. */
export type CsvLang = 'ar' | 'en';

const WORDS = {
	ar: {
		student: 'الطالب',
		studentId: 'رقم الطالب',
		answered: 'أجاب',
		correct: 'صحيح',
		score: 'الدرجة %',
		complete: 'أكمل',
		late: 'متأخر',
		right: 'صح',
		wrong: 'خطأ',
		yes: 'نعم',
		no: 'لا',
		lesson: 'الدرس',
		question: 'السؤال',
		answer: 'الإجابة',
		first: 'المحاولة الأولى',
		answeredAt: 'وقت الإجابة (الجهاز)',
		receivedAt: 'وقت الاستلام (الخادم)',
		version: 'نسخة الدرس'
	},
	en: {
		student: 'Student',
		studentId: 'Student id',
		answered: 'Answered',
		correct: 'Correct',
		score: 'Score %',
		complete: 'Complete',
		late: 'Late',
		right: 'right',
		wrong: 'wrong',
		yes: 'yes',
		no: 'no',
		lesson: 'Lesson',
		question: 'Question',
		answer: 'Answer',
		first: 'First try',
		answeredAt: 'Answered at (device)',
		receivedAt: 'Received at (server)',
		version: 'Lesson version'
	}
} as const;

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The matrix of one assignment as CSV: a row per student with answered, correct, score, complete
 * and late, then one column per question (right, wrong, or empty when not answered yet).
 *
 * @throws as `assignmentResults`
 */
export async function assignmentCsv(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown,
	lang: CsvLang = 'en'
): Promise<string> {
	const results = await assignmentResults(db, teacherId, classId, lessonId);
	const words = WORDS[lang];
	const yesNo = (value: boolean) => (value ? words.yes : words.no);
	const header: CsvValue[] = [
		words.student,
		words.answered,
		words.correct,
		words.score,
		words.complete,
		words.late,
		...results.questions.map((question) => `${question.number}. ${question.prompt[lang]}`)
	];
	const rows = results.students.map((student): CsvValue[] => [
		student.name,
		student.answered,
		student.correct,
		percent(student.score),
		yesNo(student.complete),
		yesNo(student.late),
		...student.cells.map((cell) =>
			cell.state === 'right' ? words.right : cell.state === 'wrong' ? words.wrong : ''
		)
	]);
	return toCsv([header, ...rows]);
}

/**
 * Everything a class holds, as CSV, to keep before deleting it: a row per answer (students with
 * no answers get one row of their own), with the readable answer and both clocks.
 *
 * @throws NotFoundError, ForbiddenError
 */
export async function classCsv(
	db: Db,
	teacherId: string,
	classId: unknown,
	lang: CsvLang = 'en'
): Promise<string> {
	const classRow = await requireClass(db, teacherId, classId);
	const words = WORDS[lang];
	const [students, attempts, assignments] = await Promise.all([
		classStudents(db, classRow.id),
		db
			.selectFrom('attempts')
			.innerJoin('students', 'students.id', 'attempts.student_id')
			.select(attemptColumns)
			.where('students.class_id', '=', classRow.id)
			.orderBy('attempts.received_at')
			.orderBy('attempts.batch_index')
			.orderBy('attempts.id')
			.execute(),
		db
			.selectFrom('assignments')
			.select(['lesson_id', 'due_date'])
			.where('class_id', '=', classRow.id)
			.execute()
	]);
	const dueDates = new Map(assignments.map((row) => [row.lesson_id, row.due_date]));
	const lessonOf = await lessonLookup(db, [], attempts);
	const byStudent = new Map<string, AttemptLine[]>();
	for (const attempt of attempts) {
		const list = byStudent.get(attempt.student_id) ?? [];
		list.push(attempt);
		byStudent.set(attempt.student_id, list);
	}
	const header: CsvValue[] = [
		words.student,
		words.studentId,
		words.lesson,
		words.question,
		words.answer,
		words.correct,
		words.score,
		words.first,
		words.late,
		words.answeredAt,
		words.receivedAt,
		words.version
	];
	const rows: CsvValue[][] = [];
	const sorted = [...students].sort(
		(a, b) => collator.compare(a.display_name, b.display_name) || a.id.localeCompare(b.id)
	);
	for (const student of sorted) {
		const list = byStudent.get(student.id) ?? [];
		if (list.length === 0) {
			rows.push([student.display_name, student.id, '', '', '', '', '', '', '', '', '', '']);
			continue;
		}
		const seen = new Set<string>();
		for (const attempt of list) {
			const lesson = lessonOf(attempt.lesson_id, attempt.lesson_version);
			const question = lesson?.questions.find((q) => q.id === attempt.question_id);
			const answer = readAnswer(attempt.answer);
			const readable =
				lesson && question && answer !== null ? describeAnswer(question, answer, lesson) : null;
			const key = `${attempt.lesson_id}\u0000${attempt.question_id}`;
			const first = !seen.has(key);
			seen.add(key);
			rows.push([
				student.display_name,
				student.id,
				attempt.lesson_id,
				attempt.question_id,
				readable === null ? attempt.answer : readable[lang],
				attempt.correct === 1 ? words.yes : words.no,
				percent(attempt.score),
				first ? words.yes : words.no,
				isLate(attempt.received_at, dueDates.get(attempt.lesson_id) ?? null, classRow.time_zone)
					? words.yes
					: words.no,
				attempt.answered_at,
				attempt.received_at,
				attempt.lesson_version
			]);
		}
	}
	return toCsv([header, ...rows]);
}
