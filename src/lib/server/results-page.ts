/**
 * The results page's data: the assignment's results cut to what the page shows in its language
 * (`$lib/teach/results-view`), and the typed answers the teacher accepted. The class is checked
 * once (it was twice, once per service), the students come with their summary rows in one query,
 * and the accepted answers are asked for beside the results rather than after them: five queries,
 * four rounds, where there were eight and six (the lesson's text, for the paragraph missed most,
 * is the one the results were built from, not read again).
 */
import type { Lang } from '$lib/i18n';
import { resultsView, type ResultsView } from '$lib/teach/results-view';
import { classAcceptedAnswers, type AcceptedAnswer } from './accepted';
import { requireClass } from './classes';
import type { Db } from './db/database';
import { NotFoundError } from './errors';
import { classAssignmentResults } from './results';

/** What the results page shows. */
export interface ResultsPageData {
	results: ResultsView;
	accepted: AcceptedAnswer[];
}

/**
 * The results page of one assignment, in `lang`.
 *
 * @throws NotFoundError (class, `assignment-not-found`, `unknown-lesson`), ForbiddenError
 */
export async function resultsPage(
	db: Db,
	teacherId: string,
	classId: unknown,
	lessonId: unknown,
	lang: Lang
): Promise<ResultsPageData> {
	const classRow = await requireClass(db, teacherId, classId);
	if (typeof lessonId !== 'string') {
		throw new NotFoundError('assignment-not-found', 'This lesson is not assigned.');
	}
	const [{ results, lesson }, accepted] = await Promise.all([
		classAssignmentResults(db, classRow, lessonId),
		classAcceptedAnswers(db, classRow.id, lessonId)
	]);
	return { results: resultsView(results, lang, lesson.paragraphs), accepted };
}
