/**
 * How a student did on a lesson, from one grade per question. The phone (the result page) and the
 * server (the teacher's results) both score with `scoreLesson`, each giving it the grade of every
 * question's FIRST try, so a student and their teacher see the same number; the phone also gives
 * it the latest tries for the practice score it shows apart.
 */
import type { Question } from '$lib/lesson/schema';
import type { Grade } from './grade';

/** Totals for one group of questions. */
export interface SkillScore {
	/** Questions in the group. */
	total: number;
	/** Sum of their grade scores; unanswered questions add 0. */
	score: number;
	/** `score / total` as a whole percentage. */
	percent: number;
}

/** How a student did on a lesson. */
export interface LessonScore {
	/** Questions in the lesson. */
	total: number;
	/** Questions with a grade. */
	answered: number;
	/** Sum of the grade scores (partial credit included); unanswered questions add 0. */
	score: number;
	/** `score / total`, 0 to 1 (0 for a lesson without questions): what a percentage is written from. */
	share: number;
	/** `score / total` as a whole percentage, 0 for a lesson without questions. */
	percent: number;
	/** The same per skill, for the skills the lesson's questions have. */
	bySkill: Record<string, SkillScore>;
	/** Paragraphs to read again: those of questions not fully correct, unanswered ones included. */
	reread: number[];
}

const percent = (score: number, total: number) =>
	total > 0 ? Math.round((score / total) * 100) : 0;

/**
 * Adds up a student's grades for a lesson. Grades are looked up by question id; grades for ids the
 * lesson does not have are ignored.
 */
export function scoreLesson(
	questions: readonly Question[],
	grades: Readonly<Record<string, Grade | undefined>>
): LessonScore {
	let answered = 0;
	let score = 0;
	const bySkill: Record<string, SkillScore> = {};
	const reread = new Set<number>();
	for (const question of questions) {
		// Own properties only: an id such as "constructor" must not find Object.prototype's.
		const grade = Object.prototype.hasOwnProperty.call(grades, question.id)
			? grades[question.id]
			: undefined;
		const points =
			grade === undefined || !Number.isFinite(grade.score)
				? 0
				: Math.min(1, Math.max(0, grade.score));
		if (grade !== undefined) answered++;
		score += points;
		const skill = (bySkill[question.skill] ??= { total: 0, score: 0, percent: 0 });
		skill.total++;
		skill.score += points;
		if (grade?.correct !== true) reread.add(question.paragraph);
	}
	for (const skill of Object.values(bySkill)) skill.percent = percent(skill.score, skill.total);
	return {
		total: questions.length,
		answered,
		score,
		share: questions.length > 0 ? score / questions.length : 0,
		percent: percent(score, questions.length),
		bySkill,
		reread: [...reread].sort((a, b) => a - b)
	};
}
