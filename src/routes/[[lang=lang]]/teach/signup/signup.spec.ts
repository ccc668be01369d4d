import { beforeEach, describe, expect, it, vi } from 'vitest';
import { actions, load } from './+page.server';

const env = vi.hoisted(() => ({}) as Record<string, string | undefined>);
vi.mock('$env/dynamic/private', () => ({ env }));

type LoadEvent = Parameters<typeof load>[0];
type ActionEvent = Parameters<typeof actions.default>[0];

const locals = { lang: 'en', teacher: null } as App.Locals;

describe('sign-up when SIGNUP=closed', () => {
	beforeEach(() => {
		env.SIGNUP = 'closed';
	});

	it('says so on the page, and is open otherwise', async () => {
		expect(await load({ locals } as LoadEvent)).toMatchObject({ open: false });
		env.SIGNUP = undefined;
		expect(await load({ locals } as LoadEvent)).toMatchObject({ open: true });
	});

	it('refuses the form with a reason, before reading it', async () => {
		const request = new Request('http://localhost/teach/signup', {
			method: 'POST',
			body: new URLSearchParams({ email: 'a@b.example', password: 'olive trees by the shatt' })
		});
		const result = await actions.default({ request, locals } as unknown as ActionEvent);
		expect(result).toMatchObject({
			status: 403,
			data: { form: 'signup', reason: 'signup-closed' }
		});
	});
});
