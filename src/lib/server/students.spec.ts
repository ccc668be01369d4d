import { describe, expect, it, vi } from 'vitest';
import { assignLessons, unassignLesson } from './assignments';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { NotFoundError, RateLimitError, ValidationError } from './errors';
import { RATE_RULES } from './ratelimit';
import { attempt, makeClass } from './services.fixture';
import { joinClass, studentFromToken, studentHome } from './students';
import { syncAttempts } from './sync';
import { hashToken } from './tokens';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

describe.each(ENGINES)('students on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('joins with a code and a name and gets a secret token stored only as a hash', async () => {
		const { classInfo } = await makeClass(db());
		const joined = await joinClass(db(), {
			code: ` ${classInfo.joinCode.slice(0, 3)}-${classInfo.joinCode.slice(3).toLowerCase()} `,
			name: '  مريم \t علي ',
			ip: '10.4.0.1'
		});
		expect(joined).toMatchObject({
			classId: classInfo.id,
			className: 'Class 7B',
			name: 'مريم علي',
			rejoined: false
		});
		expect(joined.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const row = await db()
			.selectFrom('students')
			.selectAll()
			.where('id', '=', joined.studentId)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashToken(joined.token));
		expect(JSON.stringify(row)).not.toContain(joined.token);
		expect(await studentFromToken(db(), joined.token)).toEqual({
			id: joined.studentId,
			name: 'مريم علي',
			classId: classInfo.id,
			className: 'Class 7B',
			timeZone: 'Asia/Baghdad',
			archived: false
		});
	});

	it('strips bidi controls from names and refuses NUL, empty and long names', async () => {
		const { classInfo } = await makeClass(db());
		const code = classInfo.joinCode;
		const join = (name: unknown) => joinClass(db(), { code, name, ip: '10.4.0.2' });
		expect((await join('\u202EAli\u202C\u200F')).name).toBe('Ali');
		expect((await join('x'.repeat(40))).name).toHaveLength(40);
		await expect(join('Ali\u0000')).rejects.toMatchObject({ code: 'invalid-name' });
		await expect(join('\u202E \u200F')).rejects.toBeInstanceOf(ValidationError);
		await expect(join('x'.repeat(41))).rejects.toBeInstanceOf(ValidationError);
		await expect(join(undefined)).rejects.toBeInstanceOf(ValidationError);
		await expect(join({ name: 'Ali' })).rejects.toBeInstanceOf(ValidationError);
	});

	it('answers a wrong or malformed code with not found', async () => {
		await makeClass(db());
		for (const code of ['ZZZZZZ', 'O0O0O0', '', 12, null, 'x'.repeat(100)]) {
			await expect(joinClass(db(), { code, name: 'Ali', ip: '10.4.0.3' })).rejects.toBeInstanceOf(
				NotFoundError
			);
		}
	});

	it('rejects unknown and malformed tokens', async () => {
		expect(await studentFromToken(db(), undefined)).toBeNull();
		expect(await studentFromToken(db(), 'short')).toBeNull();
		expect(await studentFromToken(db(), 'A'.repeat(43))).toBeNull();
	});

	it('lets 35 students join from one address within a minute', async () => {
		const { classInfo } = await makeClass(db());
		const now = new Date('2030-01-01T08:00:00Z');
		const joined = [];
		for (let i = 0; i < 35; i++) {
			// A few typos on the way, as in any classroom.
			if (i % 10 === 0) {
				await expect(
					joinClass(db(), { code: 'ZZZZZZ', name: `S${i}`, ip: '10.4.1.1' }, now)
				).rejects.toBeInstanceOf(NotFoundError);
			}
			joined.push(
				await joinClass(
					db(),
					{ code: classInfo.joinCode, name: `Student ${i}`, ip: '10.4.1.1' },
					now
				)
			);
		}
		expect(new Set(joined.map((j) => j.studentId)).size).toBe(35);
	});

	// A code of the right shape that no class has (a class's random code is among the few hundred
	// used here with odds of about one in two million): Z followed by
	// the number in base 30, written in the other 30 letters.
	const wrongCode = (i: number) =>
		'Z' +
		[...i.toString(30).padStart(5, '0')]
			.map((digit) => '23456789ABCDEFGHJKMNPQRSTUVWXY'[parseInt(digit, 30)])
			.join('');

	it('lets 500 students behind one address join with a few typos among them', async () => {
		const { classInfo } = await makeClass(db());
		const now = new Date('2030-01-03T08:00:00Z');
		for (let i = 0; i < 500; i++) {
			if (i % 10 === 0) {
				await expect(
					joinClass(db(), { code: wrongCode(i), name: `Typo ${i}`, ip: '10.4.3.3' }, now)
				).rejects.toBeInstanceOf(NotFoundError);
			}
			await joinClass(
				db(),
				{ code: classInfo.joinCode, name: `Student ${i}`, ip: '10.4.3.3' },
				now
			);
		}
		const count = await db()
			.selectFrom('students')
			.select(db().fn.countAll<number>().as('n'))
			.where('class_id', '=', classInfo.id)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(500);
	}, 120_000);

	it('throttles guessing from one address, counting parallel guesses exactly', async () => {
		const { classInfo } = await makeClass(db());
		const now = new Date('2030-01-02T08:00:00Z');
		const { limit, windowMs } = RATE_RULES['join-failure'];
		// Twenty wrong codes from a careless student block nobody.
		for (let i = 0; i < 20; i++) {
			await expect(
				joinClass(db(), { code: wrongCode(i), name: 'Careless', ip: '10.4.2.2' }, now)
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await joinClass(db(), { code: classInfo.joinCode, name: 'Classmate', ip: '10.4.2.2' }, now);
		// A script sends many more, all at once: only the budget's worth is looked up.
		const outcomes = await Promise.all(
			Array.from({ length: limit + 100 }, (_, i) =>
				joinClass(db(), { code: wrongCode(100 + i), name: 'Guesser', ip: '10.4.2.2' }, now).catch(
					(error: unknown) => {
						if (error instanceof RateLimitError) return 'throttled';
						if (error instanceof NotFoundError) return 'wrong';
						throw error;
					}
				)
			)
		);
		expect(outcomes.filter((outcome) => outcome === 'wrong')).toHaveLength(limit - 20);
		expect(outcomes.filter((outcome) => outcome === 'throttled')).toHaveLength(120);
		// Then even the right code is refused to that address for now, so throttling is no oracle…
		await expect(
			joinClass(db(), { code: classInfo.joinCode, name: 'Guesser', ip: '10.4.2.2' }, now)
		).rejects.toBeInstanceOf(RateLimitError);
		// …while other addresses join as usual, and that one can again in the next window.
		await joinClass(db(), { code: classInfo.joinCode, name: 'Other', ip: '10.4.2.3' }, now);
		const later = new Date(now.getTime() + windowMs);
		await joinClass(db(), { code: classInfo.joinCode, name: 'Guesser', ip: '10.4.2.2' }, later);
	}, 120_000);

	it('shows a student their assignments, soonest due first, with progress', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Noor', 'Other']);
		await assignLessons(db(), teacherId, classInfo.id, 'tiny-two');
		await assignLessons(db(), teacherId, classInfo.id, 'tiny', '2030-05-01');
		const [noor, other] = joined;
		await syncAttempts(db(), noor?.token, {
			attempts: [
				attempt('tiny', 'vote-count', { type: 'choice', choice: 1 }),
				attempt('tiny', 'vote-count', { type: 'choice', choice: 0 }),
				attempt('tiny', 'final', { type: 'truefalse', value: 'true' })
			]
		});
		await syncAttempts(db(), other?.token, {
			attempts: [attempt('tiny-two', 'final', { type: 'truefalse', value: 'true' })]
		});
		const student = await studentFromToken(db(), noor?.token);
		const home = await studentHome(db(), student!);
		expect(home.student).toEqual({ id: noor?.studentId, name: 'Noor' });
		expect(home.classes).toHaveLength(1);
		expect(home.classes[0]?.assignments.map((a) => [a.lessonId, a.dueDate, a.answered])).toEqual([
			['tiny', '2030-05-01', 2],
			['tiny-two', null, 0]
		]);
		expect(home.classes[0]?.assignments[0]?.title?.en).toBe("The council's decision");
		expect(home.classes[0]?.assignments[0]?.questionCount).toBe(8);

		await unassignLesson(db(), teacherId, classInfo.id, 'tiny-two');
		const after = await studentHome(db(), student!);
		expect(after.classes[0]?.assignments.map((a) => a.lessonId)).toEqual(['tiny']);
	});
});
