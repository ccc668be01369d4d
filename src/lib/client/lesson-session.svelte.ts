/**
 * One student's work on one lesson: answers, tries and grades, graded on the device with the same
 * code the server uses, saved at once, and queued for the teacher.
 */
import type { Lesson } from '$lib/lesson';
// From their own modules, not `$lib/quiz`: through its index the lesson page's start took the
// short-answer matcher and the Arabic word forms along (4 KB of gzip it needs only at a Check).
import type { Answer } from '$lib/quiz/answer';
import type { Grade } from '$lib/quiz/grade';
import { sameAnswer } from '$lib/quiz/same';
import { scoreLesson, type LessonScore } from '$lib/quiz/score';
import type { LessonProgress, OutboxItem, QuestionRecord } from './device-db';
import { newId } from './ids';
import { loadProgress, MAX_TRIES, resetProgress, saveAnswer, timestamp } from './progress';
import { requestPersistence, storageError } from './storage';

/**
 * The grading code, with the text matching it uses. Only a Check needs it, so the lesson page
 * fetches it once it has loaded (see `LessonView`) rather than with the page itself.
 */
export const grading = () => import('$lib/quiz/grade');

export { MAX_TRIES };

/**
 * Where a session keeps its answers. A student's are on the device: the progress and the outbox,
 * written together. A teacher's preview keeps them nowhere (`previewStore`), so trying a draft as
 * a student records nothing, on the device or, through the outbox, on the server.
 */
export interface AnswerStore {
	load(lessonId: string): Promise<LessonProgress | undefined>;
	save(progress: LessonProgress, item: Omit<OutboxItem, 'studentId'>): Promise<void>;
	reset(lessonId: string, version: string): Promise<LessonProgress>;
	/** Asked once there is work worth keeping (see `requestPersistence`). */
	keep(): void;
}

/** The device's progress and outbox: a student's answers. */
export const deviceStore: AnswerStore = {
	load: loadProgress,
	save: saveAnswer,
	reset: resetProgress,
	keep: () => void requestPersistence()
};

/** Nowhere: answers live as long as the page (a teacher's preview of a draft). */
export const previewStore: AnswerStore = {
	load: async () => undefined,
	save: async () => {},
	reset: async (lessonId, version) => {
		const now = timestamp();
		return { lessonId, version, questions: {}, updatedAt: now, resetAt: now };
	},
	keep: () => {}
};

export class LessonSession {
	readonly lesson: Lesson;
	#records = $state<Record<string, QuestionRecord>>({});
	#loaded = $state(false);
	/** When the student started this lesson again on this device, kept with the progress. */
	#resetAt: string | undefined;
	/** The question whose evidence the passage shows. */
	shown = $state<string | undefined>();

	readonly #onsaved: () => void;
	readonly #store: AnswerStore;

	/**
	 * @param onsaved called after each answer is saved, to send it on its way
	 * @param store where answers are kept: the device's (a student's), or `previewStore`
	 */
	constructor(lesson: Lesson, onsaved: () => void = () => {}, store: AnswerStore = deviceStore) {
		this.lesson = lesson;
		this.#onsaved = onsaved;
		this.#store = store;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	async load(): Promise<void> {
		try {
			const progress = await this.#store.load(this.lesson.id);
			this.#records = progress?.questions ?? {};
			this.#resetAt = progress?.resetAt;
		} catch (error) {
			storageError.report(error);
		}
		this.#loaded = true;
	}

	/**
	 * Takes in answers written into the device's progress after `load` (the server's, brought back
	 * on a new phone while this lesson was open): questions answered here meanwhile keep their own.
	 */
	async takeRestored(): Promise<void> {
		try {
			const progress = await this.#store.load(this.lesson.id);
			this.#records = { ...progress?.questions, ...this.#records };
		} catch (error) {
			storageError.report(error);
		}
	}

	record(questionId: string): QuestionRecord | undefined {
		return this.#records[questionId];
	}

	/** Answered right, or out of tries: nothing more to do on this question. */
	isDone(questionId: string): boolean {
		const record = this.#records[questionId];
		return !!record && (record.grade.correct || record.tries >= MAX_TRIES);
	}

	get answered(): number {
		return Object.keys(this.#records).length;
	}

	get finished(): boolean {
		return this.lesson.questions.every((q) => this.isDone(q.id));
	}

	/**
	 * The score that counts, as the teacher's results count it: each question's first try
	 * (`scoreLesson` on both sides, so the two numbers are the same).
	 */
	get score(): LessonScore {
		return this.#scoreOf((record) => record.firstGrade ?? record.grade);
	}

	/** The practice score: each question's latest try, second tries included. */
	get practiceScore(): LessonScore {
		return this.#scoreOf((record) => record.grade);
	}

	/** Some question was tried a second time, so the practice score may differ from the score. */
	get retried(): boolean {
		return Object.values(this.#records).some((record) => record.tries > 1);
	}

	#scoreOf(pick: (record: QuestionRecord) => Grade): LessonScore {
		const grades: Record<string, Grade> = {};
		for (const [id, record] of Object.entries(this.#records)) grades[id] = pick(record);
		return scoreLesson(this.lesson.questions, grades);
	}

	/** Whether `answer` is the one last checked for the question: checking it again would tell nothing. */
	unchanged(questionId: string, answer: Answer): boolean {
		const record = this.#records[questionId];
		return !!record && sameAnswer(record.answer, answer);
	}

	/**
	 * Grades an answer, keeps it and queues it; returns the grade, or undefined when the question
	 * is done already, the answer is the one checked last time (a second try counts only once the
	 * answer has changed), or the device could not save the answer (the banner says why).
	 */
	async check(questionId: string, answer: Answer): Promise<Grade | undefined> {
		const { grade } = await grading();
		const question = this.lesson.questions.find((q) => q.id === questionId);
		if (!question || this.isDone(questionId) || this.unchanged(questionId, answer))
			return undefined;
		const result = grade(question, answer, this.lesson.paragraphs);
		const before = { records: this.#records, shown: this.shown };
		const previous = this.#records[questionId];
		const tries = (previous?.tries ?? 0) + 1;
		const at = timestamp();
		const record: QuestionRecord = {
			answer,
			tries,
			grade: result,
			firstGrade: previous?.firstGrade ?? result,
			revealed: !result.correct && tries >= MAX_TRIES,
			at
		};
		this.#records = { ...this.#records, [questionId]: record };
		if (record.grade.correct || record.revealed) this.shown = questionId;
		const progress: LessonProgress = {
			lessonId: this.lesson.id,
			version: this.lesson.version,
			questions: $state.snapshot(this.#records) as Record<string, QuestionRecord>,
			updatedAt: at,
			...(this.#resetAt ? { resetAt: this.#resetAt } : {})
		};
		try {
			await this.#store.save(progress, {
				id: newId(),
				lessonId: this.lesson.id,
				version: this.lesson.version,
				questionId,
				answer: $state.snapshot(answer) as Answer,
				answeredAt: at
			});
			storageError.clear();
			// Asked once a student has work worth keeping; the browser remembers the answer.
			if (previous === undefined) this.#store.keep();
			this.#onsaved();
		} catch (error) {
			// Not kept: the question goes back to how it was, so the verdict never shows an answer
			// that a reload would lose, and the student can check it again once writes work.
			this.#records = before.records;
			this.shown = before.shown;
			storageError.report(error);
			return undefined;
		}
		return result;
	}

	async reset(): Promise<void> {
		this.#resetAt = (await this.#store.reset(this.lesson.id, this.lesson.version)).resetAt;
		this.#records = {};
		this.shown = undefined;
	}
}
