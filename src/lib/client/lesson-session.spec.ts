/**
 * Where a lesson session keeps answers: a student's on the device (progress and outbox, the way to
 * the teacher), a teacher's preview nowhere, with the same grades and feedback either way.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileLesson, type Lesson } from '$lib/lesson';

const dir = 'tests/fixtures/lessons/valid/tiny';
const compiled = compileLesson({
	dir: 'tiny',
	yamlPath: `${dir}/lesson.yaml`,
	yaml: readFileSync(`${dir}/lesson.yaml`, 'utf8'),
	articlePath: `${dir}/article.ar.txt`,
	article: readFileSync(`${dir}/article.ar.txt`, 'utf8')
});
if (!compiled.ok) throw new Error('the tiny fixture must compile');
const lesson: Lesson = compiled.lesson;

beforeEach(() => {
	vi.stubGlobal('indexedDB', new IDBFactory());
	vi.resetModules();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

/** The device's stores, as the student's pages read them. */
async function stored() {
	const { deviceDb } = await import('./device-db');
	const db = await deviceDb();
	return { progress: await db.getAll('progress'), outbox: await db.getAll('outbox') };
}

describe('LessonSession', () => {
	it('grades and keeps a preview’s answers for the page alone, recording nothing', async () => {
		const { LessonSession, previewStore } = await import('./lesson-session.svelte');
		const saved = vi.fn();
		const session = new LessonSession(lesson, saved, previewStore);
		await session.load();
		const wrong = await session.check('vote-count', { type: 'choice', choice: 1 });
		expect(wrong?.correct).toBe(false);
		const right = await session.check('vote-count', { type: 'choice', choice: 0 });
		expect(right?.correct).toBe(true);
		expect(session.record('vote-count')).toMatchObject({ tries: 2 });
		expect(session.isDone('vote-count')).toBe(true);
		expect(session.shown).toBe('vote-count');
		expect(await stored()).toEqual({ progress: [], outbox: [] });
		// A new preview starts empty: nothing was kept to come back to.
		const again = new LessonSession(lesson, saved, previewStore);
		await again.load();
		expect(again.answered).toBe(0);
	});

	it('keeps a student’s answer on the device and queues it for the teacher', async () => {
		const { LessonSession } = await import('./lesson-session.svelte');
		const saved = vi.fn();
		const session = new LessonSession(lesson, saved);
		await session.load();
		expect((await session.check('vote-count', { type: 'choice', choice: 0 }))?.correct).toBe(true);
		const { progress, outbox } = await stored();
		expect(progress.map((p) => p.lessonId)).toEqual(['tiny']);
		expect(outbox.map((item) => item.questionId)).toEqual(['vote-count']);
		expect(saved).toHaveBeenCalledOnce();
	});

	it('takes in answers the server brought back after it loaded, keeping its own', async () => {
		const { LessonSession } = await import('./lesson-session.svelte');
		const { restoreProgress, ANSWERS_FORMAT } = await import('./progress');
		const session = new LessonSession(lesson);
		await session.load();
		const [first, second] = lesson.questions;
		await session.check(first!.id, { type: 'choice', choice: 0 });
		const mine = session.record(first!.id);
		// The server knows both questions; the device had the first answered by then.
		const grade = { correct: false, score: 0 };
		await restoreProgress({
			format: ANSWERS_FORMAT,
			lessons: [
				{
					lessonId: lesson.id,
					version: lesson.version,
					questions: {
						[first!.id]: {
							answer: { type: 'choice', choice: 1 },
							tries: 1,
							grade,
							firstGrade: grade
						},
						[second!.id]: {
							answer: { type: 'choice', choice: 0 },
							tries: 1,
							grade,
							firstGrade: grade
						}
					}
				}
			]
		});
		expect(session.answered).toBe(1);
		await session.takeRestored();
		expect(session.answered).toBe(2);
		expect(session.record(first!.id)).toEqual(mine);
	});
});
