/**
 * `GET /api/lessons/<id>/files.zip`, minus HTTP: a teacher's lesson as a .zip of its folder that
 * the import reads back byte for byte; 404 for a lesson the teacher may not see, 401 without one.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/database';
import { ENGINES, useTestDatabase } from '$lib/server/db/engines.fixture';
import { readZip } from '$lib/server/lesson-upload';
import { importLesson } from '$lib/server/lessons';
import { makeTeacher } from '$lib/server/services.fixture';
import { GET } from './[id=slug]/files.zip/+server';

const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('$lib/server/db/instance', () => ({ getDb: async () => current.db }));

const TINY = 'tests/fixtures/lessons/valid/tiny';
const files = (id: string) => ({
	article: readFileSync(`${TINY}/article.ar.txt`, 'utf8'),
	lesson: readFileSync(`${TINY}/lesson.yaml`, 'utf8').replace(/^id: tiny$/m, `id: ${id}`)
});

async function get(teacher: { id: string } | null, id: string): Promise<Response> {
	const request = new Request(`http://localhost:3000/api/lessons/${id}/files.zip`);
	const event = { request, locals: { teacher }, params: { id } };
	return GET(event as unknown as RequestEvent<{ id: string }, '/api/lessons/[id=slug]/files.zip'>);
}

describe.each(ENGINES)('the lesson .zip on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('downloads a lesson as its folder, refusing others (404) and the signed out (401)', async () => {
		current.db = db();
		const [ana, ben] = [await makeTeacher(db()), await makeTeacher(db())];
		await importLesson(db(), ana.id, files('zip-lesson'));
		const response = await get(ana, 'zip-lesson');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="zip-lesson.zip"'
		);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const read = readZip('zip-lesson.zip', new Uint8Array(await response.arrayBuffer()));
		expect(read).toMatchObject({ files: files('zip-lesson'), dir: 'zip-lesson' });
		expect((await get(ben, 'zip-lesson')).status).toBe(404);
		expect((await get(null, 'zip-lesson')).status).toBe(401);
	});
});
