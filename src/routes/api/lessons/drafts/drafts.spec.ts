/**
 * The drafts API, minus HTTP: each endpoint with a real Request, a teacher in `locals` (as the
 * hook sets it) and a test database; the answers' statuses and codes as design §5 lists them.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/database';
import { ENGINES, useTestDatabase } from '$lib/server/db/engines.fixture';
import { makeTeacher } from '$lib/server/services.fixture';
import { GET as list, POST as create } from './+server';
import { DELETE as remove, GET as read, PUT as save } from './[id=uuid]/+server';
import { POST as publish } from './[id=uuid]/publish/+server';

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
	init: { method?: string; body?: unknown; raw?: string; id?: string; type?: string } = {}
) {
	const method = init.method ?? 'GET';
	const request = new Request('http://localhost:3000/api/lessons/drafts', {
		method,
		headers: { 'content-type': init.type ?? 'application/json' },
		body:
			method === 'GET' || method === 'DELETE' ? undefined : (init.raw ?? JSON.stringify(init.body))
	});
	const event = { request, locals: { teacher }, params: init.id ? { id: init.id } : {} };
	const response = await (handler as (e: RequestEvent) => Promise<Response>)(
		event as unknown as RequestEvent
	);
	const text = await response.text();
	return {
		status: response.status,
		json: (text ? JSON.parse(text) : null) as Record<string, unknown>
	};
}

describe.each(ENGINES)('the drafts API on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('creates, lists, saves (409 when stale), publishes and deletes', async () => {
		current.db = db();
		const ana = await makeTeacher(db());
		const created = await call(create, ana, { method: 'POST', body: files('api-draft') });
		expect(created).toMatchObject({ status: 201, json: { revision: 1 } });
		const id = created.json.id as string;
		expect((await call(list, ana)).json.drafts).toMatchObject([{ id, revision: 1 }]);
		expect(await call(read, ana, { id })).toMatchObject({ status: 200, json: { id } });

		const saved = await call(save, ana, {
			method: 'PUT',
			id,
			body: { ...files('api-draft'), revision: 1 }
		});
		expect(saved).toMatchObject({ status: 200, json: { revision: 2 } });
		const stale = await call(save, ana, {
			method: 'PUT',
			id,
			body: { ...files('api-draft'), revision: 1 }
		});
		expect(stale).toMatchObject({
			status: 409,
			json: { code: 'stale-revision', draft: { id, revision: 2 } }
		});

		expect(await call(publish, ana, { method: 'POST', id, body: { revision: 1 } })).toMatchObject({
			status: 409,
			json: { code: 'stale-revision' }
		});
		const published = await call(publish, ana, { method: 'POST', id, body: { revision: 2 } });
		expect(published).toMatchObject({ status: 201, json: { id: 'api-draft' } });
		expect((await call(publish, ana, { method: 'POST', id, body: { revision: 2 } })).status).toBe(
			200
		);

		expect((await call(remove, ana, { method: 'DELETE', id })).status).toBe(204);
		expect(await call(read, ana, { id })).toMatchObject({
			status: 404,
			json: { code: 'unknown-draft' }
		});
	});

	it('answers a draft with problems 422 with the compiler lines', async () => {
		current.db = db();
		const ana = await makeTeacher(db());
		const broken = { ...files('api-broken'), lesson: 'id: api-broken\n' };
		const { json } = await call(create, ana, { method: 'POST', body: broken });
		const refused = await call(publish, ana, {
			method: 'POST',
			id: json.id as string,
			body: { revision: 1 }
		});
		expect(refused).toMatchObject({ status: 422, json: { code: 'invalid-lesson' } });
		expect(refused.json.problems).toEqual(
			expect.arrayContaining([expect.objectContaining({ file: 'lesson.yaml', line: 1 })])
		);
	});

	it('refuses without a session (401), others’ drafts (404), and bad bodies (400/413/415)', async () => {
		current.db = db();
		const [ana, ben] = [await makeTeacher(db()), await makeTeacher(db())];
		expect((await call(list, null)).status).toBe(401);
		expect((await call(create, null, { method: 'POST', body: files('x') })).status).toBe(401);
		const { json } = await call(create, ana, { method: 'POST', body: files('api-private') });
		const id = json.id as string;
		expect((await call(read, ben, { id })).status).toBe(404);
		expect(
			(await call(save, ben, { method: 'PUT', id, body: { ...files('x'), revision: 1 } })).status
		).toBe(404);
		expect((await call(remove, ben, { method: 'DELETE', id })).status).toBe(404);
		expect((await call(publish, ben, { method: 'POST', id, body: { revision: 1 } })).status).toBe(
			404
		);
		expect(await call(create, ana, { method: 'POST', body: { article: 1 } })).toMatchObject({
			status: 400,
			json: { code: 'invalid-body' }
		});
		expect(await call(create, ana, { method: 'POST', raw: '{' })).toMatchObject({
			status: 400,
			json: { code: 'invalid-json' }
		});
		expect((await call(create, ana, { method: 'POST', raw: 'x'.repeat(1_100_000) })).status).toBe(
			413
		);
		expect(
			(await call(create, ana, { method: 'POST', body: files('x'), type: 'text/plain' })).status
		).toBe(415);
	});
});
