import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/server/lessons';
import { teacherContext } from '$lib/server/teacher';
import { worksheet } from './worksheet';
import type { PageServerLoad } from './$types';

/**
 * A printable worksheet of any lesson: `?q=ar|en|both` chooses the questions' language (default
 * both), `?key=1` adds the answer key on a page of its own.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = await teacherContext(locals);
	const lesson = await getLesson(db, params.id);
	if (!lesson) error(404, 'No such lesson.');
	const q = url.searchParams.get('q');
	const questionLang: 'ar' | 'en' | 'both' = q === 'ar' || q === 'en' ? q : 'both';
	const key = url.searchParams.get('key') === '1';
	return { sheet: worksheet(lesson, { key }), questionLang, key };
};
