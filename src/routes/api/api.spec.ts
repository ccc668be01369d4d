/**
 * The JSON endpoints end to end, minus HTTP: each handler gets a real Request and a test
 * database, and must answer bad input with a 4xx and a reason, never a 5xx.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { assignLessons } from '$lib/server/assignments';
import type { Db } from '$lib/server/db/database';
import { ENGINES, useTestDatabase } from '$lib/server/db/engines.fixture';
import { MAX_BODY_BYTES } from '$lib/server/http';
import { RATE_RULES } from '$lib/server/ratelimit';
import { attempt, makeClass } from '$lib/server/services.fixture';
import { GET as getHealth } from '../healthz/+server';
import { POST as postJoin } from './join/+server';
import { GET as getMe } from './me/+server';
import { GET as getAnswers } from './me/answers/+server';
import { POST as postSync } from './sync/+server';

const current = vi.hoisted(() => ({
	db: undefined as Db | undefined,
	engine: 'sqlite' as 'sqlite' | 'postgres',
	down: false
}));

vi.mock('$lib/server/lessons', () => import('$lib/server/lessons.fixture'));
vi.mock('$lib/server/db/instance', () => ({
	getDatabase: async () => {
		if (current.down || !current.db) throw new Error('connect ECONNREFUSED postgres://secret@db');
		return { db: current.db, engine: current.engine, close: async () => {} };
	},
	getDb: async () => {
		if (!current.db) throw new Error('no database');
		return current.db;
	}
}));

type Handler = (event: RequestEvent) => Response | Promise<Response>;

let address = 0;

async function call(
	handler: unknown,
	init: { method?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {}
) {
	const headers = { ...init.headers };
	let body = init.raw;
	if (init.body !== undefined) {
		body = JSON.stringify(init.body);
		headers['content-type'] ??= 'application/json';
	}
	const request = new Request('http://localhost:3000/api', {
		method: init.method ?? 'POST',
		headers,
		body,
		// Needed by Node's fetch for a streamed body.
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
	const ip = `192.0.2.${++address % 250}`;
	const event = { request, getClientAddress: () => ip, url: new URL(request.url) };
	const response = await (handler as Handler)(event as unknown as RequestEvent);
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: JSON.parse(text) as never };
}

describe.each(ENGINES)('API on %s', (engine) => {
	const db = useTestDatabase(engine);
	const use = () => {
		current.db = db();
		current.engine = engine;
		current.down = false;
	};

	describe('POST /api/join', () => {
		it('joins a class and returns the token once', async () => {
			use();
			const { classInfo } = await makeClass(db());
			const reply = await call(postJoin, { body: { code: classInfo.joinCode, name: 'Maryam' } });
			expect(reply.status).toBe(200);
			expect(reply.headers.get('cache-control')).toBe('no-store');
			expect(reply.json).toMatchObject({
				classId: classInfo.id,
				className: 'Class 7B',
				name: 'Maryam',
				rejoined: false
			});
			expect((reply.json as { token: string }).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		});

		it('answers bad requests with a 4xx and a reason', async () => {
			use();
			const { classInfo } = await makeClass(db());
			const cases: [Parameters<typeof call>[1], number, string][] = [
				[{ body: { code: 'ZZZZZZ', name: 'Ali' } }, 404, 'unknown-code'],
				[{ body: { code: classInfo.joinCode, name: '' } }, 400, 'invalid-name'],
				[{ body: { code: classInfo.joinCode, name: 'A\u0000' } }, 400, 'invalid-name'],
				[{ body: [1, 2] }, 400, 'invalid-body'],
				[{ body: null }, 400, 'invalid-body'],
				[
					{ raw: '{"code": ', headers: { 'content-type': 'application/json' } },
					400,
					'invalid-json'
				],
				[{ raw: '\u00ff', headers: { 'content-type': 'application/json' } }, 400, 'invalid-json'],
				[{ raw: '{}', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported-media-type'],
				[{ raw: '{}' }, 415, 'unsupported-media-type']
			];
			for (const [init, status, code] of cases) {
				const reply = await call(postJoin, init);
				expect([reply.status, (reply.json as { code: string }).code]).toEqual([status, code]);
				expect(typeof (reply.json as { error: unknown }).error).toBe('string');
			}
		});

		it('refuses bodies over 256 KB, declared or streamed', async () => {
			use();
			const big = JSON.stringify({ code: 'x', name: 'y'.repeat(MAX_BODY_BYTES) });
			const declared = await call(postJoin, {
				raw: big,
				headers: { 'content-type': 'application/json' }
			});
			expect(declared.status).toBe(413);
			const bytes = new TextEncoder().encode(big);
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					for (let i = 0; i < bytes.length; i += 16_384)
						controller.enqueue(bytes.slice(i, i + 16_384));
					controller.close();
				}
			});
			const streamed = await call(postJoin, {
				raw: stream,
				headers: { 'content-type': 'application/json' }
			});
			expect(streamed.status).toBe(413);
			expect(streamed.json).toMatchObject({ code: 'body-too-large' });
		});

		it('throttles wrong codes with 429 and Retry-After', async () => {
			use();
			const request = (code: string) =>
				postJoin({
					request: new Request('http://localhost/api/join', {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ code, name: 'Guess' })
					}),
					getClientAddress: () => '203.0.113.77'
				} as unknown as Parameters<typeof postJoin>[0]);
			const { limit } = RATE_RULES['join-failure'];
			const statuses: number[] = [];
			for (let i = 0; i < limit + 10; i++) statuses.push((await request('ZZZZZZ')).status);
			expect(statuses.filter((status) => status === 404)).toHaveLength(limit);
			expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);
			const last = await request('ZZZZZZ');
			expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
		});
	});

	describe('POST /api/sync', () => {
		it('stores a batch and answers per item; a replay stores nothing twice', async () => {
			use();
			const { teacherId, classInfo, joined } = await makeClass(db(), ['Ali']);
			await assignLessons(db(), teacherId, classInfo.id, 'tiny');
			const batch = {
				attempts: [
					attempt('tiny', 'vote-count', { type: 'choice', choice: 0 }),
					attempt('tiny', 'vote-count', { type: 'choice', choice: 'zero' })
				]
			};
			const headers = { authorization: `Bearer ${joined[0]?.token}` };
			const first = await call(postSync, { body: batch, headers });
			expect(first.status).toBe(200);
			expect(first.json).toEqual({
				results: [
					{ id: batch.attempts[0]?.id, status: 'stored', correct: true, score: 1 },
					{ id: batch.attempts[1]?.id, status: 'rejected', reason: 'invalid-answer' }
				]
			});
			const again = await call(postSync, { body: batch, headers });
			expect((again.json as { results: { status: string }[] }).results[0]?.status).toBe(
				'duplicate'
			);
		});

		it('answers bad requests with a 4xx and a reason', async () => {
			use();
			const { joined } = await makeClass(db(), ['Ali']);
			const auth = { authorization: `Bearer ${joined[0]?.token}` };
			const cases: [Parameters<typeof call>[1], number, string][] = [
				[{ body: { attempts: [] } }, 401, 'missing-token'],
				[{ body: { attempts: [] }, headers: { authorization: 'Basic abc' } }, 401, 'missing-token'],
				[
					{ body: { attempts: [] }, headers: { authorization: 'Bearer nope' } },
					401,
					'invalid-token'
				],
				[{ body: { attempts: 'x' }, headers: auth }, 400, 'invalid-batch'],
				[{ body: { attempts: Array(201).fill({}) }, headers: auth }, 400, 'invalid-batch'],
				[
					{ raw: 'not json', headers: { ...auth, 'content-type': 'application/json' } },
					400,
					'invalid-json'
				],
				[{ raw: '{}', headers: auth }, 415, 'unsupported-media-type'],
				[
					{
						raw: 'x'.repeat(MAX_BODY_BYTES + 1),
						headers: { ...auth, 'content-type': 'application/json' }
					},
					413,
					'body-too-large'
				]
			];
			for (const [init, status, code] of cases) {
				const reply = await call(postSync, init);
				expect([reply.status, (reply.json as { code: string }).code]).toEqual([status, code]);
			}
		});
	});

	describe('GET /api/me', () => {
		it('returns the student’s class and assignments, or 401', async () => {
			use();
			const { teacherId, classInfo, joined } = await makeClass(db(), ['Noor']);
			await assignLessons(db(), teacherId, classInfo.id, 'tiny', '2030-09-01');
			const reply = await call(getMe, {
				method: 'GET',
				headers: { authorization: `Bearer ${joined[0]?.token}` }
			});
			expect(reply.status).toBe(200);
			expect(reply.json).toMatchObject({
				student: { id: joined[0]?.studentId, name: 'Noor' },
				classes: [
					{
						id: classInfo.id,
						name: 'Class 7B',
						timeZone: 'Asia/Baghdad',
						assignments: [{ lessonId: 'tiny', dueDate: '2030-09-01', answered: 0 }]
					}
				]
			});
			expect((await call(getMe, { method: 'GET' })).status).toBe(401);
			const wrong = await call(getMe, {
				method: 'GET',
				headers: { authorization: `Bearer ${'A'.repeat(43)}` }
			});
			expect(wrong).toMatchObject({ status: 401, json: { code: 'invalid-token' } });
		});
	});

	describe('GET /api/me/answers', () => {
		it('returns the student’s own answers per lesson, or 401', async () => {
			use();
			const { teacherId, classInfo, joined } = await makeClass(db(), ['Noor', 'Sami']);
			await assignLessons(db(), teacherId, classInfo.id, 'tiny');
			const [noor, sami] = joined;
			const send = (token: string | undefined, answer: unknown) =>
				call(postSync, {
					body: { attempts: [attempt('tiny', 'vote-count', answer)] },
					headers: { authorization: `Bearer ${token}` }
				});
			await send(noor?.token, { type: 'choice', choice: 1 });
			await send(noor?.token, { type: 'choice', choice: 0 });
			await send(sami?.token, { type: 'choice', choice: 2 });
			const reply = await call(getAnswers, {
				method: 'GET',
				headers: { authorization: `Bearer ${noor?.token}` }
			});
			expect(reply.status).toBe(200);
			expect(reply.headers.get('cache-control')).toBe('no-store');
			expect(reply.json).toMatchObject({
				format: 1,
				lessons: [
					{
						lessonId: 'tiny',
						questions: {
							'vote-count': {
								answer: { type: 'choice', choice: 0 },
								tries: 2,
								grade: { correct: true, score: 1 },
								firstGrade: { correct: false, score: 0 }
							}
						}
					}
				]
			});
			expect(await call(getAnswers, { method: 'GET' })).toMatchObject({
				status: 401,
				json: { code: 'invalid-token' }
			});
		});
	});

	describe('GET /healthz', () => {
		it('reports the engine after a real query, and 503 without leaking why', async () => {
			use();
			const ok = await call(getHealth, { method: 'GET' });
			expect(ok).toMatchObject({ status: 200, json: { ok: true, db: engine } });
			current.down = true;
			const down = await call(getHealth, { method: 'GET' });
			expect(down.status).toBe(503);
			expect(down.json).toMatchObject({ ok: false, error: 'database unavailable' });
			expect(JSON.stringify(down.json)).not.toContain('secret');
			current.down = false;
		});
	});
});
