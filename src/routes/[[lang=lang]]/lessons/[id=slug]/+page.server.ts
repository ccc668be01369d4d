import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

// Lessons are data: rendered on request, and kept on the phone by the service worker when opened
// or assigned, never precached with the app.
export const prerender = false;

/** The whole compiled lesson: the page works from it alone, also offline. */
export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.id);
	if (!lesson) error(404, 'Lesson not found');
	return { lesson };
};
