import { lessonSummaries } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ lessons: lessonSummaries() });
