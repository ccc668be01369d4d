import { lessonSummaries } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

// The library lists the lessons of the moment: rendered on request (the service worker precaches
// it at install for offline use, and asks the network first).
export const prerender = false;

export const load: PageServerLoad = () => ({ lessons: lessonSummaries() });
