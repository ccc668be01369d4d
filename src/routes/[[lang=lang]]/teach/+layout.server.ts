import type { LayoutServerLoad } from './$types';

// Everything here is per teacher and changes all the time.
export const prerender = false;

/** The signed-in teacher for the area's navigation (null on sign-in and sign-up). */
export const load: LayoutServerLoad = ({ locals, setHeaders }) => {
	// A teacher's pages hold students' names and answers: never keep them in a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	const teacher = locals.teacher;
	return { teacher: teacher && { name: teacher.name, email: teacher.email } };
};
