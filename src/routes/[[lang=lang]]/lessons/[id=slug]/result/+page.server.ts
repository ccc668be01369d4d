import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { getLesson } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

// Lessons are data: rendered on request from the lesson store, which keeps each version parsed,
// and kept on the phone by the service worker when opened or assigned, never precached.
export const prerender = false;

/** The lesson the result is for; the answers themselves are on the device. */
export const load: PageServerLoad = async ({ params }) => {
	const lesson = await getLesson(await getDb(), params.id);
	if (!lesson) error(404, 'Lesson not found');
	return { lesson };
};
