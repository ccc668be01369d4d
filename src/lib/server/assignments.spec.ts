import { describe, expect, it, vi } from 'vitest';
import {
	assignLessons,
	dueEnd,
	isLate,
	listAssignments,
	parseDueDate,
	setDueDate,
	unassignLesson
} from './assignments';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { makeClass, makeTeacher } from './services.fixture';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

describe('due dates', () => {
	it('accept real calendar dates only', () => {
		expect(parseDueDate('2030-02-28')).toBe('2030-02-28');
		expect(parseDueDate('2028-02-29')).toBe('2028-02-29');
		expect(parseDueDate(null)).toBeNull();
		expect(parseDueDate('')).toBeNull();
		for (const bad of [
			'2030-02-30',
			'2029-02-29',
			'2030-13-01',
			'30-01-01',
			'2030-1-1',
			20300101,
			'1999-12-31'
		]) {
			expect(() => parseDueDate(bad)).toThrow(ValidationError);
		}
	});

	it('end at midnight in the class’s time zone', () => {
		// Baghdad is UTC+3 all year.
		expect(dueEnd('2030-03-31', 'Asia/Baghdad').toISOString()).toBe('2030-03-31T21:00:00.000Z');
		expect(dueEnd('2030-12-31', 'Asia/Baghdad').toISOString()).toBe('2030-12-31T21:00:00.000Z');
		expect(dueEnd('2030-06-15', 'UTC').toISOString()).toBe('2030-06-16T00:00:00.000Z');
		// New York changes clocks on 2030-03-10: the day before ends in EST, that day in EDT.
		expect(dueEnd('2030-03-09', 'America/New_York').toISOString()).toBe('2030-03-10T05:00:00.000Z');
		expect(dueEnd('2030-03-10', 'America/New_York').toISOString()).toBe('2030-03-11T04:00:00.000Z');
		// East of UTC by more than half a day.
		expect(dueEnd('2030-01-01', 'Pacific/Kiritimati').toISOString()).toBe(
			'2030-01-01T10:00:00.000Z'
		);
	});

	it('make answers late by the server’s clock after the day ends', () => {
		expect(isLate('2030-03-31T20:59:59.999Z', '2030-03-31', 'Asia/Baghdad')).toBe(false);
		expect(isLate('2030-03-31T21:00:00.000Z', '2030-03-31', 'Asia/Baghdad')).toBe(true);
		expect(isLate(new Date('2031-01-01'), null, 'Asia/Baghdad')).toBe(false);
	});
});

describe.each(ENGINES)('assignments on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('assigns several lessons with a due date, and updates it when assigned again', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		const assigned = await assignLessons(
			db(),
			teacherId,
			classInfo.id,
			['tiny', 'tiny-two', 'tiny'],
			'2030-04-01'
		);
		expect(assigned.map((a) => [a.lessonId, a.dueDate, a.dueEnd])).toEqual([
			['tiny', '2030-04-01', '2030-04-01T21:00:00.000Z'],
			['tiny-two', '2030-04-01', '2030-04-01T21:00:00.000Z']
		]);
		expect(assigned[0]?.title?.en).toBe("The council's decision");
		await assignLessons(db(), teacherId, classInfo.id, 'tiny-two', null);
		const list = await listAssignments(db(), teacherId, classInfo.id);
		expect(list.map((a) => [a.lessonId, a.dueDate])).toEqual([
			['tiny', '2030-04-01'],
			['tiny-two', null]
		]);
		const moved = await setDueDate(db(), teacherId, classInfo.id, 'tiny', '2030-04-15');
		expect(moved.dueDate).toBe('2030-04-15');
	});

	it('refuses unknown lessons, bad lists and bad dates without assigning anything', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		await expect(
			assignLessons(db(), teacherId, classInfo.id, ['tiny', 'no-such-lesson'])
		).rejects.toMatchObject({ code: 'unknown-lesson' });
		await expect(assignLessons(db(), teacherId, classInfo.id, [])).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(assignLessons(db(), teacherId, classInfo.id, [7])).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(
			assignLessons(db(), teacherId, classInfo.id, ['tiny'], '31/12/2030')
		).rejects.toMatchObject({ code: 'invalid-due-date' });
		expect(await listAssignments(db(), teacherId, classInfo.id)).toEqual([]);
	});

	it('unassigns', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		await assignLessons(db(), teacherId, classInfo.id, ['tiny', 'tiny-two']);
		await unassignLesson(db(), teacherId, classInfo.id, 'tiny');
		expect((await listAssignments(db(), teacherId, classInfo.id)).map((a) => a.lessonId)).toEqual([
			'tiny-two'
		]);
		await expect(unassignLesson(db(), teacherId, classInfo.id, 'tiny')).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(setDueDate(db(), teacherId, classInfo.id, 'tiny', null)).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('refuses another teacher’s class everywhere', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		await assignLessons(db(), teacherId, classInfo.id, 'tiny');
		const stranger = await makeTeacher(db());
		for (const call of [
			() => assignLessons(db(), stranger.id, classInfo.id, 'tiny-two'),
			() => listAssignments(db(), stranger.id, classInfo.id),
			() => setDueDate(db(), stranger.id, classInfo.id, 'tiny', '2030-01-01'),
			() => unassignLesson(db(), stranger.id, classInfo.id, 'tiny')
		]) {
			await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(
			(await listAssignments(db(), teacherId, classInfo.id)).map((a) => [a.lessonId, a.dueDate])
		).toEqual([['tiny', null]]);
	});
});
