import { describe, expect, it, vi } from 'vitest';
import { assignLessons } from './assignments';
import {
	archiveClass,
	createClass,
	createRejoinCode,
	deleteClass,
	getClass,
	listClasses,
	removeStudent,
	renameClass,
	renameStudent,
	roster,
	rotateJoinCode,
	setClassTimeZone
} from './classes';
import { ENGINES, rowCounts, useTestDatabase } from './db/engines.fixture';
import { ForbiddenError, NotFoundError, RefusedError, ValidationError } from './errors';
import { attempt, makeClass, makeTeacher } from './services.fixture';
import { joinClass, studentFromToken } from './students';
import { syncAttempts } from './sync';
import { CODE_ALPHABET } from './tokens';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

describe.each(ENGINES)('classes on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('creates a class with an unambiguous join code and Baghdad time', async () => {
		const teacher = await makeTeacher(db());
		const created = await createClass(db(), teacher.id, { name: '  الصف   السابع ' });
		expect(created).toMatchObject({
			name: 'الصف السابع',
			timeZone: 'Asia/Baghdad',
			archived: false,
			studentCount: 0,
			assignmentCount: 0
		});
		expect(created.joinCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
		expect(created.joinCode).not.toMatch(/[01OIL]/);
		const other = await createClass(db(), teacher.id, { name: 'B', timeZone: 'Europe/London' });
		expect(other.timeZone).toBe('Europe/London');
		expect(other.joinCode).not.toBe(created.joinCode);
	});

	it('refuses bad names and unknown time zones', async () => {
		const teacher = await makeTeacher(db());
		await expect(createClass(db(), teacher.id, { name: '   ' })).rejects.toMatchObject({
			code: 'invalid-name'
		});
		await expect(createClass(db(), teacher.id, { name: 'x'.repeat(81) })).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(
			createClass(db(), teacher.id, { name: 'A', timeZone: 'Mars/Olympus' })
		).rejects.toMatchObject({ code: 'invalid-time-zone' });
	});

	it('lists a teacher’s classes with counts, hiding archived ones unless asked', async () => {
		const { teacherId, classInfo } = await makeClass(db(), ['Ali', 'Zainab']);
		const second = await createClass(db(), teacherId, { name: 'Second' });
		await assignLessons(db(), teacherId, classInfo.id, ['tiny', 'tiny-two']);
		let list = await listClasses(db(), teacherId);
		expect(list.map((c) => [c.name, c.studentCount, c.assignmentCount])).toEqual([
			['Class 7B', 2, 2],
			['Second', 0, 0]
		]);
		await archiveClass(db(), teacherId, second.id);
		list = await listClasses(db(), teacherId);
		expect(list.map((c) => c.id)).toEqual([classInfo.id]);
		list = await listClasses(db(), teacherId, { archived: true });
		expect(list.map((c) => [c.id, c.archived])).toEqual([
			[classInfo.id, false],
			[second.id, true]
		]);
		await archiveClass(db(), teacherId, second.id, false);
		expect((await getClass(db(), teacherId, second.id)).archived).toBe(false);
	});

	it('renames and changes the time zone', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		expect((await renameClass(db(), teacherId, classInfo.id, 'Grade 8')).name).toBe('Grade 8');
		const moved = await setClassTimeZone(db(), teacherId, classInfo.id, 'Asia/Riyadh');
		expect(moved.timeZone).toBe('Asia/Riyadh');
	});

	it('rotates the join code: the old one stops working, students stay', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Ali']);
		const code = await rotateJoinCode(db(), teacherId, classInfo.id);
		expect(code).not.toBe(classInfo.joinCode);
		await expect(
			joinClass(db(), { code: classInfo.joinCode, name: 'Late', ip: '10.9.0.1' })
		).rejects.toMatchObject({ code: 'unknown-code' });
		const late = await joinClass(db(), { code: code.toLowerCase(), name: 'Late', ip: '10.9.0.1' });
		expect(late.classId).toBe(classInfo.id);
		expect(await studentFromToken(db(), joined[0]?.token)).not.toBeNull();
	});

	it('closes an archived class to new students', async () => {
		const { teacherId, classInfo } = await makeClass(db());
		await archiveClass(db(), teacherId, classInfo.id);
		await expect(
			joinClass(db(), { code: classInfo.joinCode, name: 'Ali', ip: '10.9.0.2' })
		).rejects.toBeInstanceOf(RefusedError);
	});

	it('marks students whose names the teacher cannot tell apart', async () => {
		const { classInfo, teacherId } = await makeClass(db(), ['Ali Hassan', 'ali  hassan', 'Noor']);
		const list = await roster(db(), teacherId, classInfo.id);
		expect(list.map((s) => [s.name, s.duplicate])).toEqual([
			['Ali Hassan', true],
			['ali hassan', true],
			['Noor', false]
		]);
	});

	it('lists the roster by name, renames and removes a student with their answers', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Zainab', 'ali', 'Ahmed']);
		await assignLessons(db(), teacherId, classInfo.id, 'tiny');
		const [zainab, ali] = joined;
		await syncAttempts(db(), ali?.token, {
			attempts: [attempt('tiny', 'vote-count', { type: 'choice', choice: 0 })]
		});
		await createRejoinCode(db(), teacherId, classInfo.id, ali?.studentId);
		let list = await roster(db(), teacherId, classInfo.id);
		expect(list.map((s) => [s.name, s.attemptCount])).toEqual([
			['Ahmed', 0],
			['ali', 1],
			['Zainab', 0]
		]);
		await renameStudent(db(), teacherId, classInfo.id, zainab?.studentId, 'Zainab H.');
		const before = await rowCounts(db());
		await removeStudent(db(), teacherId, classInfo.id, ali?.studentId);
		// Their row (with its re-join code), their one answer and its results summary go; nothing
		// else does, but for the hash of their device's token (removed.ts).
		expect(await rowCounts(db())).toEqual({
			...before,
			students: before.students - 1,
			attempts: before.attempts - 1,
			removed_devices: before.removed_devices + 1,
			result_rows: before.result_rows - 1
		});
		list = await roster(db(), teacherId, classInfo.id);
		expect(list.map((s) => s.name)).toEqual(['Ahmed', 'Zainab H.']);
		expect(await studentFromToken(db(), ali?.token)).toBeNull();
		const left = await db()
			.selectFrom('attempts')
			.select('id')
			.where('student_id', '=', ali?.studentId ?? '')
			.execute();
		expect(left).toEqual([]);
		await expect(
			removeStudent(db(), teacherId, classInfo.id, ali?.studentId)
		).rejects.toMatchObject({ code: 'student-not-found' });
	});

	it('re-joins a student on a new device once with a one-time code', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Huda']);
		const huda = joined[0]!;
		const { code, expiresAt } = await createRejoinCode(
			db(),
			teacherId,
			classInfo.id,
			huda.studentId
		);
		expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
		expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
		expect((await roster(db(), teacherId, classInfo.id))[0]?.rejoinPending).toBe(true);
		const back = await joinClass(db(), { code: code.toLowerCase(), ip: '10.9.0.3' });
		expect(back).toMatchObject({
			studentId: huda.studentId,
			classId: classInfo.id,
			name: 'Huda',
			rejoined: true
		});
		expect(await studentFromToken(db(), huda.token)).toBeNull();
		expect((await studentFromToken(db(), back.token))?.id).toBe(huda.studentId);
		await expect(joinClass(db(), { code, ip: '10.9.0.3' })).rejects.toMatchObject({
			code: 'unknown-code'
		});
	});

	it('lets an expired re-join code lapse', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Omar']);
		const issued = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
		const { code } = await createRejoinCode(
			db(),
			teacherId,
			classInfo.id,
			joined[0]?.studentId,
			issued
		);
		await expect(joinClass(db(), { code, ip: '10.9.0.4' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('deletes a class and every row that belonged to it', async () => {
		const before = await rowCounts(db());
		const { teacherId, classInfo, joined } = await makeClass(db(), ['A', 'B', 'C']);
		await assignLessons(db(), teacherId, classInfo.id, ['tiny', 'tiny-two'], '2030-01-01');
		for (const student of joined) {
			await syncAttempts(db(), student.token, {
				attempts: [
					attempt('tiny', 'vote-count', { type: 'choice', choice: 1 }),
					attempt('tiny', 'final', { type: 'truefalse', value: 'true' })
				]
			});
		}
		await createRejoinCode(db(), teacherId, classInfo.id, joined[0]?.studentId);
		const during = await rowCounts(db());
		expect(during.attempts - before.attempts).toBe(6);
		await deleteClass(db(), teacherId, classInfo.id);
		const after = await rowCounts(db());
		// Everything but the teacher and the join attempts' rate-limit rows is as it was, and each
		// student's device is remembered by its token's hash alone (so it is told it was removed).
		expect({ ...after, teachers: 0, rate_limits: 0 }).toEqual({
			...before,
			teachers: 0,
			rate_limits: 0,
			removed_devices: before.removed_devices + joined.length
		});
		expect(after.teachers).toBe(before.teachers + 1);
		for (const student of joined) expect(await studentFromToken(db(), student.token)).toBeNull();
		await expect(getClass(db(), teacherId, classInfo.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses another teacher’s class ids everywhere, and made-up ids', async () => {
		const { classInfo, joined } = await makeClass(db(), ['Sara']);
		const stranger = await makeTeacher(db(), 'Stranger');
		const classId = classInfo.id;
		const studentId = joined[0]?.studentId;
		const attemptsOnTheirClass = [
			() => getClass(db(), stranger.id, classId),
			() => renameClass(db(), stranger.id, classId, 'Mine now'),
			() => setClassTimeZone(db(), stranger.id, classId, 'UTC'),
			() => archiveClass(db(), stranger.id, classId),
			() => deleteClass(db(), stranger.id, classId),
			() => rotateJoinCode(db(), stranger.id, classId),
			() => roster(db(), stranger.id, classId),
			() => renameStudent(db(), stranger.id, classId, studentId, 'X'),
			() => removeStudent(db(), stranger.id, classId, studentId),
			() => createRejoinCode(db(), stranger.id, classId, studentId)
		];
		for (const call of attemptsOnTheirClass) {
			const failure = call();
			await expect(failure).rejects.toBeInstanceOf(ForbiddenError);
			await expect(failure).rejects.toMatchObject({ status: 404 });
		}
		for (const id of ['00000000-0000-4000-8000-000000000000', 'nope', 42, null]) {
			await expect(getClass(db(), stranger.id, id)).rejects.toBeInstanceOf(NotFoundError);
		}
		// Nothing changed.
		const mine = await roster(
			db(),
			(
				await db()
					.selectFrom('classes')
					.select('teacher_id')
					.where('id', '=', classId)
					.executeTakeFirstOrThrow()
			).teacher_id,
			classId
		);
		expect(mine.map((s) => s.name)).toEqual(['Sara']);
		expect(await studentFromToken(db(), joined[0]?.token)).not.toBeNull();
	});

	it('refuses a student id from another class of the same teacher', async () => {
		const { teacherId, classInfo } = await makeClass(db(), ['One']);
		const other = await createClass(db(), teacherId, { name: 'Other' });
		const student = await joinClass(db(), { code: other.joinCode, name: 'Two', ip: '10.9.0.9' });
		await expect(
			removeStudent(db(), teacherId, classInfo.id, student.studentId)
		).rejects.toMatchObject({ code: 'student-not-found' });
	});
});
