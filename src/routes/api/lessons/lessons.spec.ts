/**
 * The lesson store's API, minus HTTP: `POST /api/lessons` and `GET /api/lessons/<id>/files` with a
 * real Request, a teacher in `locals` (as the hook sets it) and a test database.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/database';
import { ENGINES, useTestDatabase } from '$lib/server/db/engines.fixture';
import { makeTeacher } from '$lib/server/services.fixture';
import { POST } from './+server';
import { GET } from './[id=slug]/files/+server';

const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('$lib/server/db/instance', () => ({ getDb: async () => current.db }));

const TINY = 'tests/fixtures/lessons/valid/tiny';
const files = (id: string) => ({
	article: readFileSync(`${TINY}/article.ar.txt`, 'utf8'),
	lesson: readFileSync(`${TINY}/lesson.yaml`, 'utf8').replace(/^id: tiny$/m, `id: ${id}`)
});

async function call(
	handler: unknown,
	teacher: { id: string } | null,
	init: { body?: unknown; raw?: string; params?: Record<string, string> } = {}
) {
	const request = new Request('http://localhost:3000/api/lessons', {
		method: init.params ? 'GET' : 'POST',
		headers: init.params ? {} : { 'content-type': 'application/json' },
		body: init.params ? undefined : (init.raw ?? JSON.stringify(init.body))
	});
	const event = { request, locals: { teacher }, params: init.params ?? {} };
	const response = await (handler as (e: RequestEvent) => Promise<Response>)(
		event as unknown as RequestEvent
	);
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.each(ENGINES)('the lesson store API on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('imports (201), gives the files back byte for byte, and refuses others (403/404)', async () => {
		current.db = db();
		const [ana, ben] = [await makeTeacher(db()), await makeTeacher(db())];
		const body = files('api-lesson');
		const created = await call(POST, ana, { body });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ id: 'api-lesson', version: expect.any(String) });
		const back = await call(GET, ana, { params: { id: 'api-lesson' } });
		expect(back).toEqual({ status: 200, json: body });
		// Another teacher: cannot see it (404) or replace it (403).
		expect((await call(GET, ben, { params: { id: 'api-lesson' } })).status).toBe(404);
		const taken = await call(POST, ben, { body });
		expect(taken).toMatchObject({ status: 403, json: { code: 'lesson-taken' } });
		expect((await call(GET, ana, { params: { id: 'no-such-lesson' } })).status).toBe(404);
	});

	it('answers a lesson with problems 422 with the compiler lines, and bad bodies 4xx', async () => {
		current.db = db();
		const teacher = await makeTeacher(db());
		const bad = files('api-bad');
		bad.lesson = bad.lesson.replace('paragraph: 0', 'paragraph: 9');
		const reply = await call(POST, teacher, { body: bad });
		expect(reply.status).toBe(422);
		expect(reply.json).toMatchObject({ code: 'invalid-lesson', error: expect.any(String) });
		const problems = reply.json.problems as { line: number; col: number; message: string }[];
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
		expect((await call(GET, teacher, { params: { id: 'api-bad' } })).status).toBe(404);
		expect((await call(POST, teacher, { raw: '{not json' })).status).toBe(400);
		expect((await call(POST, teacher, { body: { article: 1 } })).status).toBe(400);
		expect((await call(POST, null, { body: files('api-anon') })).status).toBe(401);
		const huge = { article: 'ا'.repeat(2_000_000), lesson: '' };
		expect((await call(POST, teacher, { body: huge })).status).toBe(413);
	});
});
