import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { clozeBank, type ClozeQuestion } from '$lib/quiz';
import { TINY } from '$lib/server/lessons.fixture';
import { assignLessons, unassignLesson } from './assignments';
import { archiveClass, createRejoinCode, deleteClass, removeStudent } from './classes';
import { ENGINES, rowCounts, useTestDatabaseWith } from './db/engines.fixture';
import { GoneError, UnauthorizedError, ValidationError } from './errors';
import { REMOVED_KEPT_MS, rememberRemoved } from './removed';
import { attempt, makeClass } from './services.fixture';
import { joinClass, requireDeviceStudent } from './students';
import { MAX_BATCH, studentAnswers, syncAttempts } from './sync';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

const gap = TINY.questions.find((q) => q.id === 'gap') as ClozeQuestion;
const keep = clozeBank(gap).findIndex((word) => word.en === 'keep');

/** A right answer to every question of the tiny lesson. */
const RIGHT: Record<string, unknown> = {
	'vote-count': { type: 'choice', choice: 0 },
	'who-spoke': { type: 'multi', choices: [1, 0] },
	final: { type: 'truefalse', value: 'true' },
	'how-many': { type: 'short', text: 'ستة و عشرون', lang: 'ar' },
	sequence: { type: 'order', order: [0, 1, 2] },
	'who-said': { type: 'match', pairs: [0, 1, 2] },
	gap: { type: 'cloze', fills: [keep] },
	opinion: { type: 'evidence', paragraph: 1, sentence: 0, lang: 'ar' }
};

describe.each(ENGINES)('syncAttempts on %s', (engine) => {
	const { db, opened } = useTestDatabaseWith(engine);

	async function setUp(names = ['Ali']) {
		const made = await makeClass(db(), names);
		await assignLessons(db(), made.teacherId, made.classInfo.id, 'tiny');
		return made;
	}

	const countAttempts = async () => (await rowCounts(db())).attempts;

	it('re-grades every question type itself and records the lesson version', async () => {
		const { joined } = await setUp();
		const items = Object.entries(RIGHT).map(([question, answer]) =>
			// The device's own verdict rides along and is ignored.
			({ ...attempt('tiny', question, answer), correct: false, score: 0 })
		);
		const now = new Date('2030-01-01T10:00:00Z');
		const { results } = await syncAttempts(db(), joined[0]?.token, { attempts: items }, now);
		expect(results).toEqual(
			items.map((item) => ({ id: item.id, status: 'stored', correct: true, score: 1 }))
		);
		const rows = await db()
			.selectFrom('attempts')
			.selectAll()
			.where('id', '=', items[0]!.id)
			.execute();
		expect(rows[0]).toMatchObject({
			student_id: joined[0]?.studentId,
			lesson_id: 'tiny',
			lesson_version: TINY.version,
			question_id: 'vote-count',
			correct: 1,
			score: 1,
			received_at: '2030-01-01T10:00:00.000Z'
		});
		expect(JSON.parse(rows[0]!.answer)).toEqual({ type: 'choice', choice: 0 });
	});

	it('gives wrong and partly right answers their grade', async () => {
		const { joined } = await setUp();
		const { results } = await syncAttempts(db(), joined[0]?.token, {
			attempts: [
				attempt('tiny', 'vote-count', { type: 'choice', choice: 2 }),
				attempt('tiny', 'sequence', { type: 'order', order: [1, 0, 2] }),
				attempt('tiny', 'how-many', { type: 'short', text: '35', lang: 'en' })
			]
		});
		expect(results.map((r) => [r.status, r.correct, r.score])).toEqual([
			['stored', false, 0],
			['stored', false, 2 / 3],
			['stored', false, 0]
		]);
	});

	it('stores a replayed batch once and answers the replay with the stored result', async () => {
		const { joined } = await setUp();
		const batch = {
			attempts: [
				attempt('tiny', 'vote-count', { type: 'choice', choice: 0 }),
				attempt('tiny', 'final', { type: 'truefalse', value: 'false' })
			]
		};
		const first = await syncAttempts(db(), joined[0]?.token, batch);
		const before = await countAttempts();
		const second = await syncAttempts(db(), joined[0]?.token, batch);
		expect(await countAttempts()).toBe(before);
		expect(second.results).toEqual(
			first.results.map((result) => ({ ...result, status: 'duplicate' }))
		);
	});

	it('stores concurrent identical batches once', async () => {
		const { joined } = await setUp();
		const items = Array.from({ length: 30 }, (_, i) =>
			attempt(
				'tiny',
				i % 2 ? 'final' : 'vote-count',
				i % 2 ? { type: 'truefalse', value: 'true' } : { type: 'choice', choice: i % 3 }
			)
		);
		const before = await countAttempts();
		const replies = await Promise.all(
			Array.from({ length: 5 }, () => syncAttempts(db(), joined[0]?.token, { attempts: items }))
		);
		expect(await countAttempts()).toBe(before + items.length);
		items.forEach((item, i) => {
			const statuses = replies.map((reply) => reply.results[i]?.status);
			expect(statuses.filter((status) => status === 'stored')).toHaveLength(1);
			expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(4);
			const grades = new Set(
				replies.map((reply) => JSON.stringify([reply.results[i]?.correct, reply.results[i]?.score]))
			);
			expect(grades.size).toBe(1);
		});
	});

	it.runIf(engine === 'postgres')(
		'stores a batch sent to two server instances at once only once',
		async () => {
			const { joined } = await setUp();
			const second = await opened().openAnother!();
			try {
				const items = Array.from({ length: 50 }, () =>
					attempt('tiny', 'vote-count', { type: 'choice', choice: 0 })
				);
				// Overlapping batches in opposite orders: the classic recipe for a deadlock.
				const reversed = [...items].reverse();
				const before = await countAttempts();
				const [a, b] = await Promise.all([
					syncAttempts(db(), joined[0]?.token, { attempts: items }),
					syncAttempts(second.db, joined[0]?.token, { attempts: reversed })
				]);
				expect(await countAttempts()).toBe(before + items.length);
				const stored = [...a.results, ...b.results].filter((r) => r.status === 'stored');
				expect(stored).toHaveLength(items.length);
				expect(new Set(stored.map((r) => r.id)).size).toBe(items.length);
			} finally {
				await second.close();
			}
		}
	);

	it('stores an id repeated within one batch once, whatever its letter case', async () => {
		const { joined } = await setUp();
		const item = attempt('tiny', 'vote-count', { type: 'choice', choice: 0 });
		const upper = { ...item, id: item.id.toUpperCase() };
		const { results } = await syncAttempts(db(), joined[0]?.token, {
			attempts: [item, upper, item]
		});
		expect(results.map((r) => [r.id, r.status])).toEqual([
			[item.id, 'stored'],
			[upper.id, 'duplicate'],
			[item.id, 'duplicate']
		]);
	});

	it('answers a repeated id within one batch as a replay before checking its answer', async () => {
		const { joined } = await setUp();
		const item = attempt('tiny', 'vote-count', { type: 'choice', choice: 0 });
		const again = { ...item, answer: { type: 'choice', choice: 99 } };
		const { results } = await syncAttempts(db(), joined[0]?.token, { attempts: [item, again] });
		expect(results.map((r) => r.status)).toEqual(['stored', 'duplicate']);
		expect(results[1]).toMatchObject({ correct: results[0]?.correct, score: results[0]?.score });
	});

	it('rejects a bad item and keeps the rest of the batch', async () => {
		const { joined } = await setUp();
		const good = attempt('tiny', 'final', { type: 'truefalse', value: 'true' });
		const alsoGood = attempt('tiny', 'vote-count', { type: 'choice', choice: 0 });
		const items: unknown[] = [
			good,
			{ ...attempt('tiny', 'final', { type: 'truefalse', value: 'true' }), id: 'not-a-uuid' },
			attempt('no-such-lesson', 'final', { type: 'truefalse', value: 'true' }),
			attempt('tiny', 'no-such-question', { type: 'truefalse', value: 'true' }),
			attempt('tiny', 'vote-count', { type: 'choice', choice: 99 }),
			attempt('tiny', 'vote-count', { type: 'truefalse', value: 'true' }),
			attempt('tiny', 'how-many', { type: 'short', text: 'a\u0000b', lang: 'ar' }),
			attempt('tiny', 'final', '<script>'),
			{
				...attempt('tiny', 'final', { type: 'truefalse', value: 'true' }),
				answeredAt: 'yesterday'
			},
			{ id: randomUUID() },
			null,
			'junk',
			alsoGood
		];
		const before = await countAttempts();
		const { results } = await syncAttempts(db(), joined[0]?.token, { attempts: items });
		expect(results.map((r) => r.reason ?? r.status)).toEqual([
			'stored',
			'invalid',
			'unknown-lesson',
			'unknown-question',
			'invalid-answer',
			'invalid-answer',
			'invalid-answer',
			'invalid-answer',
			'invalid',
			'invalid',
			'invalid',
			'invalid',
			'stored'
		]);
		expect(results[1]?.id).toBe('not-a-uuid');
		expect(results[10]?.id).toBe('');
		expect(await countAttempts()).toBe(before + 2);
	});

	it('refuses a malformed or oversized batch as a whole', async () => {
		const { joined } = await setUp();
		const token = joined[0]?.token;
		for (const batch of [
			null,
			[],
			'x',
			{ attempts: 'x' },
			{},
			{ attempts: Array(MAX_BATCH + 1).fill(null) }
		]) {
			await expect(syncAttempts(db(), token, batch)).rejects.toBeInstanceOf(ValidationError);
		}
		const full = Array.from({ length: MAX_BATCH }, () =>
			attempt('tiny', 'final', { type: 'truefalse', value: 'not-given' })
		);
		const { results } = await syncAttempts(db(), token, { attempts: full });
		expect(results.every((r) => r.status === 'stored')).toBe(true);
	});

	it('refuses unknown and malformed tokens as 401, a removed student’s as 410 removed', async () => {
		const { teacherId, classInfo, joined } = await setUp(['Gone', 'Stays']);
		const batch = { attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'true' })] };
		for (const token of [undefined, '', 'x', 'A'.repeat(43)]) {
			await expect(syncAttempts(db(), token, batch)).rejects.toBeInstanceOf(UnauthorizedError);
		}
		await removeStudent(db(), teacherId, classInfo.id, joined[0]?.studentId);
		const before = await countAttempts();
		const refused = syncAttempts(db(), joined[0]?.token, batch);
		await expect(refused).rejects.toBeInstanceOf(GoneError);
		await expect(refused).rejects.toMatchObject({ status: 410, code: 'removed' });
		expect(await countAttempts()).toBe(before);
		// The classmate still syncs; what is kept of the removed one is the token's hash alone.
		const { results } = await syncAttempts(db(), joined[1]?.token, {
			attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'true' })]
		});
		expect(results[0]?.status).toBe('stored');
		const kept = await db().selectFrom('removed_devices').selectAll().execute();
		expect(kept.length).toBeGreaterThan(0);
		expect(Object.keys(kept[0]!).sort()).toEqual(['removed_at', 'token_hash']);
		expect(JSON.stringify(kept)).not.toContain(joined[0]!.studentId);
		expect(JSON.stringify(kept)).not.toContain(joined[0]!.token);
	});

	it('tells the devices of a deleted class’s students they were removed', async () => {
		const { teacherId, classInfo, joined } = await setUp(['One', 'Two']);
		await deleteClass(db(), teacherId, classInfo.id);
		const batch = { attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'true' })] };
		for (const student of joined) {
			await expect(syncAttempts(db(), student.token, batch)).rejects.toMatchObject({
				code: 'removed'
			});
			await expect(requireDeviceStudent(db(), student.token)).rejects.toBeInstanceOf(GoneError);
		}
	});

	it('forgets removed devices after a year and more, when another is removed', async () => {
		const { teacherId, classInfo, joined } = await setUp(['Old', 'New']);
		const long = new Date(Date.now() - REMOVED_KEPT_MS - 86_400_000);
		await rememberRemoved(db(), ['f'.repeat(64)], long);
		await removeStudent(db(), teacherId, classInfo.id, joined[0]?.studentId);
		const hashes = await db().selectFrom('removed_devices').select('token_hash').execute();
		expect(hashes.map((row) => row.token_hash)).not.toContain('f'.repeat(64));
		await expect(requireDeviceStudent(db(), joined[0]?.token)).rejects.toMatchObject({
			code: 'removed'
		});
		// A token that never existed is still only unknown.
		await expect(requireDeviceStudent(db(), 'B'.repeat(43))).rejects.toMatchObject({
			status: 401,
			code: 'invalid-token'
		});
		expect((await requireDeviceStudent(db(), joined[1]?.token)).name).toBe('New');
	});

	it('refuses answers for a lesson assigned only to another student’s class', async () => {
		const mine = await makeClass(db(), ['Me']);
		const theirs = await makeClass(db(), ['Them']);
		await assignLessons(db(), theirs.teacherId, theirs.classInfo.id, 'tiny');
		const before = await countAttempts();
		const { results } = await syncAttempts(db(), mine.joined[0]?.token, {
			attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'true' })]
		});
		expect(results[0]).toMatchObject({ status: 'rejected', reason: 'not-assigned' });
		expect(results[0]).not.toHaveProperty('correct');
		expect(await countAttempts()).toBe(before);
	});

	it('never lets one student’s attempt id overwrite or reveal another’s', async () => {
		const { joined } = await setUp(['First', 'Second']);
		const item = attempt('tiny', 'vote-count', { type: 'choice', choice: 0 });
		await syncAttempts(db(), joined[0]?.token, { attempts: [item] });
		const { results } = await syncAttempts(db(), joined[1]?.token, {
			attempts: [{ ...item, answer: { type: 'choice', choice: 1 } }]
		});
		expect(results[0]).toEqual({ id: item.id, status: 'rejected', reason: 'id-conflict' });
		// The same student reusing an id for another question is refused too.
		const again = await syncAttempts(db(), joined[0]?.token, {
			attempts: [{ ...item, questionId: 'final', answer: { type: 'truefalse', value: 'true' } }]
		});
		expect(again.results[0]).toMatchObject({ status: 'rejected', reason: 'id-conflict' });
		const row = await db()
			.selectFrom('attempts')
			.selectAll()
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			student_id: joined[0]?.studentId,
			question_id: 'vote-count',
			correct: 1
		});
	});

	it('keeps the device clock for reference only and still accepts work for an archived class', async () => {
		const { teacherId, classInfo, joined } = await setUp();
		await archiveClass(db(), teacherId, classInfo.id);
		const item = attempt(
			'tiny',
			'final',
			{ type: 'truefalse', value: 'true' },
			'1999-12-31T23:59:59+03:00'
		);
		const now = new Date('2030-06-01T12:00:00Z');
		const { results } = await syncAttempts(db(), joined[0]?.token, { attempts: [item] }, now);
		expect(results[0]?.status).toBe('stored');
		const row = await db()
			.selectFrom('attempts')
			.selectAll()
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(row.answered_at).toBe('1999-12-31T20:59:59.000Z');
		expect(row.received_at).toBe('2030-06-01T12:00:00.000Z');
		const student = await db()
			.selectFrom('students')
			.select('last_seen_at')
			.where('id', '=', joined[0]!.studentId)
			.executeTakeFirstOrThrow();
		expect(student.last_seen_at).toBe('2030-06-01T12:00:00.000Z');
	});

	it('stops accepting a lesson once unassigned, and replays still answer', async () => {
		const { teacherId, classInfo, joined } = await setUp();
		const item = attempt('tiny', 'final', { type: 'truefalse', value: 'true' });
		await syncAttempts(db(), joined[0]?.token, { attempts: [item] });
		await unassignLesson(db(), teacherId, classInfo.id, 'tiny');
		const { results } = await syncAttempts(db(), joined[0]?.token, {
			attempts: [item, attempt('tiny', 'final', { type: 'truefalse', value: 'true' })]
		});
		expect(results.map((r) => r.reason ?? r.status)).toEqual(['duplicate', 'not-assigned']);
	});
});

describe.each(ENGINES)('studentAnswers on %s', (engine) => {
	const { db } = useTestDatabaseWith(engine);

	it('folds a student’s answers per question: the latest, how many, and the first grade', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Ali', 'Huda']);
		await assignLessons(db(), teacherId, classInfo.id, 'tiny');
		const [ali, huda] = joined;
		const wrong = attempt('tiny', 'vote-count', { type: 'choice', choice: 1 });
		const right = attempt('tiny', 'vote-count', { type: 'choice', choice: 0 });
		// In one batch the outbox's order decides, whatever the ids or the device clock say.
		right.answeredAt = '2000-01-01T00:00:00.000Z';
		await syncAttempts(db(), ali?.token, { attempts: [wrong, right] });
		await syncAttempts(
			db(),
			ali?.token,
			{ attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'true' })] },
			new Date('2030-01-02T00:00:00Z')
		);
		await syncAttempts(db(), huda?.token, {
			attempts: [attempt('tiny', 'gap', { type: 'cloze', fills: [keep] })]
		});

		const answers = await studentAnswers(db(), ali!.studentId);
		expect(answers).toEqual({
			format: 1,
			lessons: [
				{
					lessonId: 'tiny',
					version: TINY.version,
					questions: {
						'vote-count': {
							answer: { type: 'choice', choice: 0 },
							tries: 2,
							grade: { correct: true, score: 1 },
							firstGrade: { correct: false, score: 0 },
							at: '2000-01-01T00:00:00.000Z'
						},
						final: {
							answer: { type: 'truefalse', value: 'true' },
							tries: 1,
							grade: { correct: true, score: 1 },
							firstGrade: { correct: true, score: 1 },
							at: expect.any(String) as string
						}
					}
				}
			]
		});
		// Nothing of anyone else's, and nothing for a student with no answers.
		expect(JSON.stringify(answers)).not.toContain('"gap"');
		const { joined: fresh } = await makeClass(db(), ['Zaid']);
		expect(await studentAnswers(db(), fresh[0]!.studentId)).toEqual({ format: 1, lessons: [] });
	});

	it('gives a student who re-joins on a new phone the answers of the old one', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Ali']);
		await assignLessons(db(), teacherId, classInfo.id, 'tiny');
		await syncAttempts(db(), joined[0]?.token, {
			attempts: [attempt('tiny', 'final', { type: 'truefalse', value: 'false' })]
		});
		const { code } = await createRejoinCode(db(), teacherId, classInfo.id, joined[0]?.studentId);
		const back = await joinClass(db(), { code, ip: '10.9.9.9' });
		expect(back).toMatchObject({ studentId: joined[0]?.studentId, rejoined: true });
		const answers = await studentAnswers(db(), back.studentId);
		expect(answers.lessons[0]?.questions.final).toMatchObject({
			tries: 1,
			grade: { correct: false, score: 0 },
			firstGrade: { correct: false, score: 0 }
		});
	});
});
