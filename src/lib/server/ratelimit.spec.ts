import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from './db/engines.fixture';
import { check, clear, hit, RATE_RULES, refund } from './ratelimit';

describe.each(ENGINES)('rate limits on %s', (engine) => {
	const db = useTestDatabase(engine);
	const minute = new Date('2030-01-01T08:00:00Z').getTime();

	it('counts hits in a fixed window and starts again in the next', async () => {
		const { limit, windowMs } = RATE_RULES['sign-in-account'];
		for (let i = 1; i <= limit; i++) {
			const status = await hit(db(), 'sign-in-account', '192.0.2.1 a@b.test', minute + i);
			expect(status).toMatchObject({ allowed: true, count: i });
		}
		const over = await hit(db(), 'sign-in-account', '192.0.2.1 a@b.test', minute + 30_000);
		expect(over).toMatchObject({
			allowed: false,
			count: limit + 1,
			retryAfterSeconds: windowMs / 1000 - 30
		});
		expect((await hit(db(), 'sign-in-account', '192.0.2.2 a@b.test', minute)).allowed).toBe(true);
		const next = await hit(db(), 'sign-in-account', '192.0.2.1 a@b.test', minute + windowMs);
		expect(next).toMatchObject({ allowed: true, count: 1 });
	});

	it('checks without counting, clears, and takes a hit back', async () => {
		const now = minute + 5 * 60_000;
		expect(await check(db(), 'join-failure', '192.0.2.9', now)).toMatchObject({
			allowed: true,
			count: 0
		});
		await hit(db(), 'join-failure', '192.0.2.9', now);
		await hit(db(), 'join-failure', '192.0.2.9', now);
		expect((await check(db(), 'join-failure', '192.0.2.9', now)).count).toBe(2);
		expect((await check(db(), 'join-failure', '192.0.2.9', now)).count).toBe(2);
		await refund(db(), 'join-failure', '192.0.2.9', now);
		expect((await check(db(), 'join-failure', '192.0.2.9', now)).count).toBe(1);
		await clear(db(), 'join-failure', '192.0.2.9');
		expect((await check(db(), 'join-failure', '192.0.2.9', now)).count).toBe(0);
		// Nothing to take back: the count stays at zero.
		await refund(db(), 'join-failure', '192.0.2.9', now);
		expect((await check(db(), 'join-failure', '192.0.2.9', now)).count).toBe(0);
	});

	it('counts concurrent hits exactly', async () => {
		const now = minute + 10 * 60_000;
		const statuses = await Promise.all(
			Array.from({ length: 40 }, () => hit(db(), 'sign-in-ip', '198.51.100.7', now))
		);
		expect(statuses.map((status) => status.count).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 40 }, (_, i) => i + 1)
		);
	});

	it('stores keys only as hashes and sweeps finished windows', async () => {
		const now = minute + 20 * 60_000;
		await hit(db(), 'join-failure', '203.0.113.9', now);
		const rows = await db().selectFrom('rate_limits').selectAll().execute();
		expect(JSON.stringify(rows)).not.toContain('203.0.113.9');
		expect(JSON.stringify(rows)).not.toContain('a@b.test');
		expect(JSON.stringify(rows)).not.toContain('192.0.2.1');
		// A new window for any key of an action removes that action's older windows.
		await hit(db(), 'join', '192.0.2.50', now + 3 * 60 * 60_000);
		const joins = await db()
			.selectFrom('rate_limits')
			.select('window_index')
			.where('action', '=', 'join')
			.execute();
		expect(joins).toHaveLength(1);
	});
});
