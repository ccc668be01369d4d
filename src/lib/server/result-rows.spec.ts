import { describe, expect, it, vi } from 'vitest';
import { clozeBank, type ClozeQuestion } from '$lib/quiz';
import { TINY } from '$lib/server/lessons.fixture';
import { buildMatrix } from '$lib/teach/matrix';
import { acceptAnswer } from './accepted';
import { assignLessons } from './assignments';
import { removeStudent } from './classes';
import * as migration from './db/migrations/0007-results-summary';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import type { Db } from './db/database';
import {
	assignmentResults,
	classAttempts,
	classOverview,
	classStudents,
	dueEndIso
} from './results';
import { classResultRows } from './result-rows';
import { attempt, makeClass } from './services.fixture';
import { syncAttempts } from './sync';

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));

const gap = TINY.questions.find((q) => q.id === 'gap') as ClozeQuestion;
const bank = clozeBank(gap);

/** Per question: some answers, right, partly right and wrong ones (the grader decides which). */
const ANSWERS: Record<string, unknown[]> = {
	'vote-count': [0, 1, 2].map((choice) => ({ type: 'choice', choice })),
	'who-spoke': [[0, 1], [0], [1, 2], [2]].map((choices) => ({ type: 'multi', choices })),
	final: ['true', 'false', 'not-given'].map((value) => ({ type: 'truefalse', value })),
	'how-many': ['26', '26 out of 35', '35', ' 26  OUT of 35 '].map((text) => ({
		type: 'short',
		text,
		lang: 'en'
	})),
	sequence: [
		[0, 1, 2],
		[1, 0, 2],
		[2, 1, 0]
	].map((order) => ({ type: 'order', order })),
	'who-said': [
		[0, 1, 2],
		[0, 2, 1],
		[1, 0, 2]
	].map((pairs) => ({ type: 'match', pairs })),
	gap: bank.map((_, fill) => ({ type: 'cloze', fills: [fill] })),
	opinion: [0, 1].map((paragraph) => ({ type: 'evidence', paragraph, sentence: 0, lang: 'ar' }))
};

/** A seeded random source (mulberry32), so a failure can be run again. */
function randomSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)]!;

/** The matrix the plain-array way: every answer row of the class, straight into `buildMatrix`. */
async function plainMatrix(db: Db, classId: string, dueDate: string | null, timeZone: string) {
	const [students, attempts] = await Promise.all([
		classStudents(db, classId),
		classAttempts(db, classId, 'tiny')
	]);
	return buildMatrix({ lesson: TINY, dueEnd: dueEndIso(dueDate, timeZone), students, attempts });
}

describe.each(ENGINES)('results summary rows on %s', (engine) => {
	const db = useTestDatabase(engine);

	/**
	 * A class that answers at random: batches of several answers (tries at one question within a
	 * batch and across batches, several batches at one instant), offline answers that arrive days
	 * later and after the due date, answers the teacher accepts later, and a removed student.
	 */
	async function randomClass(seed: number) {
		const random = randomSource(seed);
		const names = Array.from({ length: 4 + Math.floor(random() * 6) }, (_, i) => `S${i}`);
		const made = await makeClass(db(), names);
		const dueDate = '2030-03-31';
		await assignLessons(db(), made.teacherId, made.classInfo.id, 'tiny', dueDate);
		const questions = Object.keys(ANSWERS);
		// Few distinct instants, so batches often share one and the outbox's order decides.
		const instants = ['2030-03-30T10:00:00Z', '2030-03-30T11:00:00Z', '2030-04-02T09:00:00Z'];
		const batches = 6 + Math.floor(random() * 10);
		for (let b = 0; b < batches; b++) {
			const student = pick(random, made.joined);
			const items = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
				const question = pick(random, questions);
				// An offline answer: made long before it is sent.
				const answeredAt = random() < 0.3 ? '2030-03-01T08:00:00.000Z' : undefined;
				return attempt('tiny', question, pick(random, ANSWERS[question]!), answeredAt);
			});
			await syncAttempts(
				db(),
				student.token,
				{ attempts: items },
				new Date(pick(random, instants))
			);
			if (random() < 0.15) {
				await acceptAnswer(db(), made.teacherId, {
					classId: made.classInfo.id,
					lessonId: 'tiny',
					questionId: 'how-many',
					text: pick(random, ['35', '26 out of 35'])
				});
			}
		}
		if (random() < 0.7) {
			await removeStudent(db(), made.teacherId, made.classInfo.id, made.joined[0]!.studentId);
		}
		return { ...made, dueDate };
	}

	it('gives the same matrix as every answer row through buildMatrix, on random classes', async () => {
		for (let seed = 1; seed <= 12; seed++) {
			const { teacherId, classInfo, dueDate } = await randomClass(seed);
			const fast = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
			const plain = await plainMatrix(db(), classInfo.id, dueDate, fast.class.timeZone);
			expect(
				{
					questions: fast.questions,
					students: fast.students,
					paragraphs: fast.paragraphs,
					mostMissedParagraph: fast.mostMissedParagraph,
					summary: fast.summary
				},
				`seed ${seed}`
			).toEqual(plain);
			// The class page's line for the assignment, from the same rows.
			const [line] = await classOverview(db(), teacherId, classInfo.id);
			expect(line, `seed ${seed}`).toMatchObject(plain.summary);
		}
	});

	it('rebuilds the same rows from the stored answers when the migration runs', async () => {
		const { classInfo } = await randomClass(99);
		const kept = (await classResultRows(db(), classInfo.id, 'tiny')).cells;
		expect(kept.length).toBeGreaterThan(0);
		await migration.down(db());
		await migration.up(db());
		const rebuilt = (await classResultRows(db(), classInfo.id, 'tiny')).cells;
		const order = (cells: typeof kept) =>
			[...cells].sort((a, b) =>
				`${a.student_id} ${a.question_id}`.localeCompare(`${b.student_id} ${b.question_id}`)
			);
		expect(order(rebuilt)).toEqual(order(kept));
	});

	it('changes a summarised mark when the teacher accepts the answer', async () => {
		const { teacherId, classInfo, joined } = await makeClass(db(), ['Ali']);
		await assignLessons(db(), teacherId, classInfo.id, 'tiny');
		await syncAttempts(db(), joined[0]!.token, {
			attempts: [attempt('tiny', 'how-many', { type: 'short', text: '35', lang: 'en' })]
		});
		const before = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
		expect(before.students[0]!.cells[3]).toMatchObject({ state: 'wrong', tries: 1 });
		await acceptAnswer(db(), teacherId, {
			classId: classInfo.id,
			lessonId: 'tiny',
			questionId: 'how-many',
			text: '35'
		});
		const after = await assignmentResults(db(), teacherId, classInfo.id, 'tiny');
		expect(after.students[0]!.cells[3]).toMatchObject({ state: 'right', rightAt: 1, score: 1 });
	});
});
