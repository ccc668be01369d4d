/** One thing wrong with a lesson, located in the file that holds it. */
export interface LessonProblem {
	file: string;
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	col: number;
	message: string;
}

/** The one-line form every tool prints: `path:line:col: message`. */
export function formatProblem(problem: LessonProblem): string {
	return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

/** Thrown by the build when a lesson does not compile; its message lists every problem. */
export class LessonError extends Error {
	readonly problems: LessonProblem[];

	constructor(problems: LessonProblem[]) {
		super(problems.map(formatProblem).join('\n'));
		this.name = 'LessonError';
		this.problems = problems;
	}
}
