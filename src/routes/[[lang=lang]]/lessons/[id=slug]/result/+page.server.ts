import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

// Lessons are data: rendered on request, and kept on the phone by the service worker when opened
// or assigned, never precached with the app.
export const prerender = false;

/** The lesson the result is for; the answers themselves are on the device. */
export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.id);
	if (!lesson) error(404, 'Lesson not found');
	return { lesson };
};
