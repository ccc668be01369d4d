import { describe, expect, it, vi } from 'vitest';
import { decodeCells } from '$lib/teach/cells';
import { acceptAnswer } from './accepted';
import { assignLessons } from './assignments';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { ForbiddenError, NotFoundError } from './errors';
import { assignmentResults } from './results';
import { resultsPage } from './results-page';
import { attempt, makeClass, makeTeacher } from './services.fixture';
import { syncAttempts } from './sync';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

describe.each(ENGINES)('the results page on %s', (engine) => {
	const db = useTestDatabase(engine);

	async function scenario() {
		const made = await makeClass(db(), ['Ali', 'Huda']);
		const { teacherId, classInfo, joined } = made;
		await assignLessons(db(), teacherId, classInfo.id, 'tiny', '2030-03-31');
		await syncAttempts(
			db(),
			joined[0]!.token,
			{
				attempts: [
					attempt('tiny', 'vote-count', { type: 'choice', choice: 1 }),
					attempt('tiny', 'vote-count', { type: 'choice', choice: 0 }),
					attempt('tiny', 'how-many', { type: 'short', text: '35', lang: 'en' })
				]
			},
			new Date('2030-03-30T10:00:00Z')
		);
		await acceptAnswer(db(), teacherId, {
			classId: classInfo.id,
			lessonId: 'tiny',
			questionId: 'how-many',
			text: '35'
		});
		return made;
	}

	it('gives the matrix in the page language, each row of cells as a string, and the accepted answers', async () => {
		const { teacherId, classInfo } = await scenario();
		const full = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
		for (const lang of ['ar', 'en'] as const) {
			const { results, accepted } = await resultsPage(db(), teacherId, classInfo.id, 'tiny', lang);
			expect(results.lesson.title).toBe(full.lesson.title[lang]);
			expect(results.questions.map((q) => q.prompt)).toEqual(
				full.questions.map((q) => q.prompt[lang])
			);
			expect(results.students.map((s) => decodeCells(s.cells))).toEqual(
				full.students.map((s) => s.cells)
			);
			expect(results.summary).toEqual(full.summary);
			expect(accepted).toMatchObject([{ questionId: 'how-many', text: '35', regraded: 1 }]);
		}
	});

	it('refuses another teacher, an unknown class and a lesson not assigned', async () => {
		const { teacherId, classInfo } = await scenario();
		const stranger = await makeTeacher(db());
		await expect(resultsPage(db(), stranger.id, classInfo.id, 'tiny', 'en')).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(resultsPage(db(), stranger.id, 'not-an-id', 'tiny', 'en')).rejects.toMatchObject({
			code: 'class-not-found'
		});
		await expect(
			resultsPage(db(), stranger.id, crypto.randomUUID(), 'tiny', 'en')
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			resultsPage(db(), teacherId, classInfo.id, 'tiny-two', 'en')
		).rejects.toMatchObject({ code: 'assignment-not-found' });
	});
});
