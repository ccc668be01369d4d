import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { createSession, SESSION_COOKIE, SESSION_MS } from '$lib/server/auth';
import { useTestDatabase } from '$lib/server/db/engines.fixture';
import { makeTeacher } from '$lib/server/services.fixture';

const database = vi.hoisted(() => ({ get: (): unknown => undefined, opened: 0 }));
vi.mock('$lib/server/db/instance', () => ({
	getDb: async () => {
		database.opened++;
		return database.get();
	},
	getDatabase: async () => ({ db: database.get() })
}));

const { handle } = await import('./hooks.server');

const CLASS_ROUTE = '/[[lang=lang]]/teach/classes/[classId=uuid]';

/** A request as the hook sees it, with a cookie jar that records what the hook does to it. */
function request(path: string, routeId: string | null, cookie?: string) {
	const url = new URL(`http://localhost${path}`);
	const lang = path.startsWith('/en/') || path === '/en' ? 'en' : undefined;
	const jar = {
		get: vi.fn((name: string) => (name === SESSION_COOKIE ? cookie : undefined)),
		set: vi.fn(),
		delete: vi.fn()
	};
	const event = {
		url,
		params: lang ? { lang } : {},
		route: { id: routeId },
		cookies: jar,
		locals: {}
	} as unknown as RequestEvent;
	const resolve = vi.fn(async () => new Response('ok'));
	return { event, jar, resolve, run: () => handle({ event, resolve }) };
}

async function redirectOf(run: () => unknown) {
	try {
		await run();
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
	return null;
}

describe('hooks: the teacher area', () => {
	const db = useTestDatabase('sqlite');
	database.get = () => db();

	it('leaves student pages and the API alone, even with a session cookie', async () => {
		const before = database.opened;
		for (const [path, route] of [
			['/', '/[[lang=lang]]'],
			['/api/sync', '/api/sync'],
			['/nowhere', null]
		] as const) {
			const { event, resolve, run } = request(path, route, 'x'.repeat(43));
			await run();
			expect(resolve).toHaveBeenCalled();
			expect(event.locals.teacher).toBeNull();
		}
		expect(database.opened).toBe(before);
	});

	it('sends a signed-out visitor to sign in, with the page to come back to', async () => {
		const ar = request('/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f?x=1', CLASS_ROUTE);
		expect(await redirectOf(ar.run)).toEqual({
			status: 303,
			location: `/teach/signin?next=${encodeURIComponent('/teach/classes/0b6c5d2e-1f0a-4c5e-9d7b-2a3b4c5d6e7f?x=1')}`
		});
		expect(ar.resolve).not.toHaveBeenCalled();
		const en = request('/en/teach', '/[[lang=lang]]/teach');
		expect(await redirectOf(en.run)).toEqual({
			status: 303,
			location: `/en/teach/signin?next=${encodeURIComponent('/en/teach')}`
		});
	});

	it('lets a signed-out visitor open sign-in and sign-up', async () => {
		for (const page of ['signin', 'signup']) {
			const { event, resolve, run } = request(`/teach/${page}`, `/[[lang=lang]]/teach/${page}`);
			await run();
			expect(resolve).toHaveBeenCalled();
			expect(event.locals.teacher).toBeNull();
		}
	});

	it('drops a cookie that names no session, and asks to sign in', async () => {
		const { jar, run } = request('/teach', '/[[lang=lang]]/teach', 'A'.repeat(43));
		expect(await redirectOf(run)).toMatchObject({ status: 303 });
		expect(jar.delete).toHaveBeenCalledWith(SESSION_COOKIE, expect.objectContaining({ path: '/' }));
	});

	it('puts the session’s teacher in locals, and sets the cookie again when its expiry moves', async () => {
		const teacher = await makeTeacher(db(), 'Salma');
		const fresh = await createSession(db(), teacher.id);
		const current = request('/teach', '/[[lang=lang]]/teach', fresh.token);
		await current.run();
		expect(current.event.locals.teacher).toMatchObject({ id: teacher.id, name: 'Salma' });
		expect(current.jar.set).not.toHaveBeenCalled();

		const old = await createSession(
			db(),
			teacher.id,
			undefined,
			new Date(Date.now() - SESSION_MS + 60 * 60 * 1000)
		);
		const ageing = request('/teach', '/[[lang=lang]]/teach', old.token);
		await ageing.run();
		expect(ageing.event.locals.teacher).toMatchObject({ id: teacher.id });
		expect(ageing.jar.set).toHaveBeenCalledWith(
			SESSION_COOKIE,
			old.token,
			expect.objectContaining({ httpOnly: true, sameSite: 'lax', secure: false })
		);
	});
});
