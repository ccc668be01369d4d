/**
 * The server's answers folded back into the device's progress (a re-join on a new phone): the
 * lesson opens where the student was, a redone answer is not a first try, and nothing the device
 * knows better (more tries, perhaps still in the outbox) is overwritten.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonProgress, QuestionRecord } from './device-db';
import { mergeProgress, type ServerLesson } from './progress';

const RIGHT = { correct: true, score: 1 };
const WRONG = { correct: false, score: 0 };
const NOW = '2030-01-02T00:00:00.000Z';

/** A question as `GET /api/me/answers` gives it. */
const fromServer = (tries: number, grade = RIGHT, firstGrade = grade) => ({
	answer: { type: 'choice', choice: 1 },
	tries,
	grade,
	firstGrade,
	at: '2030-01-01T00:00:00.000Z'
});

const local = (questions: Record<string, QuestionRecord>): LessonProgress => ({
	lessonId: 'lesson',
	version: 'v-device',
	questions,
	updatedAt: '2029-01-01T00:00:00.000Z'
});

const record = (tries: number, grade = RIGHT): QuestionRecord => ({
	answer: { type: 'choice', choice: 2 },
	tries,
	grade,
	firstGrade: grade,
	revealed: false,
	at: '2029-01-01T00:00:00.000Z'
});

const lesson = (questions: Record<string, unknown>): ServerLesson => ({
	lessonId: 'lesson',
	version: 'v-server',
	questions
});

describe('mergeProgress', () => {
	it('fills a phone with no progress, keeping tries and the first grade', () => {
		const merged = mergeProgress(
			undefined,
			lesson({ q1: fromServer(1), q2: fromServer(2, RIGHT, WRONG), q3: fromServer(2, WRONG) }),
			NOW
		);
		expect(merged).toEqual({
			lessonId: 'lesson',
			version: 'v-server',
			updatedAt: NOW,
			questions: {
				q1: { ...fromServer(1), revealed: false },
				q2: { ...fromServer(2, RIGHT, WRONG), revealed: false },
				// Out of tries and still wrong: the key shows, as it did on the old phone.
				q3: { ...fromServer(2, WRONG), revealed: true }
			}
		});
	});

	it('keeps what the device knows as well or better, and takes only what it lacks', () => {
		const mine = local({ q1: record(2), q2: record(1, WRONG) });
		const merged = mergeProgress(
			mine,
			lesson({ q1: fromServer(1), q2: fromServer(2, WRONG), q3: fromServer(1) }),
			NOW
		);
		expect(merged?.version).toBe('v-device');
		expect(merged?.questions.q1).toEqual(mine.questions.q1);
		expect(merged?.questions.q2?.tries).toBe(2);
		expect(merged?.questions.q3?.tries).toBe(1);
	});

	it('brings nothing back into a lesson the student started again on this device', () => {
		const restarted = { ...local({ q1: record(1) }), resetAt: '2029-06-01T00:00:00.000Z' };
		expect(mergeProgress(restarted, lesson({ q1: fromServer(3), q2: fromServer(1) }), NOW)).toBe(
			undefined
		);
	});

	it('changes nothing when the server adds nothing', () => {
		expect(mergeProgress(local({ q1: record(1) }), lesson({ q1: fromServer(1) }), NOW)).toBe(
			undefined
		);
	});

	it('ignores records that do not parse', () => {
		const junk = {
			a: { ...fromServer(1), answer: { type: 'nonsense' } },
			b: { ...fromServer(1), tries: 0 },
			c: { ...fromServer(1), grade: { correct: 'yes', score: 1 } },
			d: null
		};
		expect(mergeProgress(undefined, lesson(junk), NOW)).toBe(undefined);
	});
});

describe('restoreProgress', () => {
	beforeEach(() => {
		vi.stubGlobal('indexedDB', new IDBFactory());
		vi.resetModules();
	});
	afterEach(() => vi.unstubAllGlobals());

	it('writes the server’s answers into the device’s progress, and ignores an unknown format', async () => {
		const { restoreProgress, loadProgress } = await import('./progress');
		const reply = { format: 1, lessons: [lesson({ q1: fromServer(2, RIGHT, WRONG) })] };
		expect(await restoreProgress({ ...reply, format: 2 })).toBe(0);
		expect(await restoreProgress(reply)).toBe(1);
		const progress = await loadProgress('lesson');
		expect(progress?.questions.q1).toMatchObject({ tries: 2, firstGrade: WRONG, grade: RIGHT });
		// Again: nothing new.
		expect(await restoreProgress(reply)).toBe(0);
	});

	it('keeps a lesson started again empty, however often the server is asked', async () => {
		const { restoreProgress, resetProgress, loadProgress } = await import('./progress');
		const reply = { format: 1, lessons: [lesson({ q1: fromServer(1) })] };
		await restoreProgress(reply);
		await resetProgress('lesson', 'v1');
		expect(await restoreProgress(reply)).toBe(0);
		expect((await loadProgress('lesson'))?.questions).toEqual({});
	});
});
