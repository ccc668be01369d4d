import { error } from '@sveltejs/kit';
import { allLessons, getLesson } from '$lib/server/lessons';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	allLessons().flatMap((lesson) => [{ id: lesson.id }, { lang: 'en', id: lesson.id }]);

/** The lesson the result is for; the answers themselves are on the device. */
export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.id);
	if (!lesson) error(404, 'Lesson not found');
	return { lesson };
};
