import { describe, expect, it, vi } from 'vitest';
import { acceptAnswer, acceptedAnswers } from './accepted';
import { assignLessons } from './assignments';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { ForbiddenError } from './errors';
import { assignmentResults } from './results';
import { attempt, makeClass, makeTeacher } from './services.fixture';
import { syncAttempts } from './sync';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

const typed = (text: string) => ({ type: 'short', text, lang: 'en' });

describe.each(ENGINES)('accepted answers on %s', (engine) => {
	const db = useTestDatabase(engine);

	async function scenario() {
		const made = await makeClass(db(), ['Ali', 'Huda', 'Zaid']);
		await assignLessons(db(), made.teacherId, made.classInfo.id, 'tiny');
		const [ali, huda, zaid] = made.joined;
		const sent = await syncAttempts(db(), ali?.token, {
			attempts: [attempt('tiny', 'how-many', typed('26 out of 35'))]
		});
		await syncAttempts(db(), huda?.token, {
			attempts: [
				attempt('tiny', 'how-many', typed('35')),
				attempt('tiny', 'how-many', typed('26 out of 35!'))
			]
		});
		await syncAttempts(db(), zaid?.token, {
			attempts: [attempt('tiny', 'how-many', typed('35'))]
		});
		return { ...made, aliItem: sent.results[0]! };
	}

	it('re-grades every stored answer that reads the same, at once, and logs who and when', async () => {
		const { teacherId, classInfo, joined, aliItem } = await scenario();
		expect(aliItem.correct).toBe(false);
		const now = new Date('2030-05-01T08:00:00Z');
		const { regraded } = await acceptAnswer(
			db(),
			teacherId,
			{
				classId: classInfo.id,
				lessonId: 'tiny',
				questionId: 'how-many',
				text: '26 out of 35'
			},
			now
		);
		expect(regraded).toBe(2);
		const results = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
		const column = results.questions.findIndex((q) => q.id === 'how-many');
		const states = Object.fromEntries(
			results.students.map((s) => [s.name, s.cells[column]?.state])
		);
		expect(states).toEqual({ Ali: 'right', Huda: 'later', Zaid: 'wrong' });
		const log = await acceptedAnswers(db(), teacherId, classInfo.id, 'tiny');
		expect(log).toEqual([
			expect.objectContaining({
				questionId: 'how-many',
				text: '26 out of 35',
				acceptedBy: 'Teacher',
				acceptedAt: now.toISOString(),
				regraded: 2
			})
		]);
		// A replay of Ali's answer now brings the new verdict back to the phone.
		const replay = await syncAttempts(db(), joined[0]?.token, {
			attempts: [
				{
					...aliItem,
					lessonId: 'tiny',
					questionId: 'how-many',
					answer: typed('26 out of 35'),
					answeredAt: now.toISOString()
				}
			]
		});
		expect(replay.results[0]).toMatchObject({ status: 'duplicate', correct: true, score: 1 });
		// Accepting it again changes nothing and logs nothing new.
		expect(
			(
				await acceptAnswer(db(), teacherId, {
					classId: classInfo.id,
					lessonId: 'tiny',
					questionId: 'how-many',
					text: '26   out of 35'
				})
			).regraded
		).toBe(0);
		expect(await acceptedAnswers(db(), teacherId, classInfo.id, 'tiny')).toHaveLength(1);
	});

	it('grades answers that arrive later with the accepted ones', async () => {
		const { teacherId, classInfo, joined } = await scenario();
		await acceptAnswer(db(), teacherId, {
			classId: classInfo.id,
			lessonId: 'tiny',
			questionId: 'how-many',
			text: '26 out of 35'
		});
		const later = await syncAttempts(db(), joined[2]?.token, {
			attempts: [attempt('tiny', 'how-many', typed('26 OUT OF 35'))]
		});
		expect(later.results[0]).toMatchObject({ status: 'stored', correct: true, score: 1 });
		// Only in this class: another class's students are graded by the lesson alone.
		const other = await makeClass(db(), ['Sara']);
		await assignLessons(db(), other.teacherId, other.classInfo.id, 'tiny');
		const elsewhere = await syncAttempts(db(), other.joined[0]?.token, {
			attempts: [attempt('tiny', 'how-many', typed('26 out of 35'))]
		});
		expect(elsewhere.results[0]).toMatchObject({ correct: false });
	});

	it('refuses other teachers, other question types and empty answers', async () => {
		const { classInfo } = await scenario();
		const stranger = await makeTeacher(db());
		const base = { classId: classInfo.id, lessonId: 'tiny', questionId: 'how-many', text: '35' };
		await expect(acceptAnswer(db(), stranger.id, base)).rejects.toBeInstanceOf(ForbiddenError);
		const owner = (
			await db()
				.selectFrom('classes')
				.select('teacher_id')
				.where('id', '=', classInfo.id)
				.executeTakeFirstOrThrow()
		).teacher_id;
		await expect(
			acceptAnswer(db(), owner, { ...base, questionId: 'vote-count' })
		).rejects.toMatchObject({ code: 'not-typed' });
		await expect(acceptAnswer(db(), owner, { ...base, text: '  !! ' })).rejects.toMatchObject({
			code: 'invalid-answer'
		});
		await expect(
			acceptAnswer(db(), owner, { ...base, lessonId: 'tiny-two' })
		).rejects.toMatchObject({ code: 'assignment-not-found' });
	});
});
