/**
 * The results page's data: the assignment's results cut to what the page shows in its language
 * (`$lib/teach/results-view`), and the typed answers the teacher accepted. Four queries in two
 * rounds, where there were eight in six: the class with its assignment of the lesson (checked
 * once, not once per service), then side by side the lesson, the students with their summary
 * rows, and the accepted answers. The lesson's text, for the paragraph missed most, is the one
 * the results were built from, not read again.
 */
import type { Lang } from '$lib/i18n';
import { resultsView, type ResultsView } from '$lib/teach/results-view';
import { classAcceptedAnswers, type AcceptedAnswer } from './accepted';
import type { Db } from './db/database';
import { checkedAssignmentResults, requireClassAssignment } from './results';

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
	const assignment = await requireClassAssignment(db, teacherId, classId, lessonId);
	const [{ results, lesson }, accepted] = await Promise.all([
		checkedAssignmentResults(db, assignment),
		classAcceptedAnswers(db, assignment.classRow.id, assignment.lessonId)
	]);
	return { results: resultsView(results, lang, lesson.paragraphs), accepted };
}
