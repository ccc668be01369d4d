/**
 * Fixed-window rate limits kept in the database, so that every server instance behind one
 * PostgreSQL counts against the same limits and a restart forgets nothing. One row per
 * (action, key); the key (an IP or e-mail address) is stored only as a SHA-256 hash.
 *
 * A hit is a single atomic upsert, so concurrent requests cannot all slip under the limit.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db/database';

export interface RateRule {
	/** Hits allowed per window. */
	limit: number;
	windowMs: number;
}

const MINUTE = 60_000;

/**
 * The limits in force.
 *
 * Sign-in counts every attempt before checking it, so parallel guesses cannot race past the
 * limit: 100 per IP in 15 minutes, and 10 per IP and account together (a success clears that
 * count). Nothing is counted per account alone, so a stranger cannot lock a teacher out.
 *
 * Joining: a whole school may join from behind one shared address, so the limits per IP are
 * sized for 500 students at once: 1,000 attempts in 10 minutes, and 200 wrong codes an hour. A
 * wrong code is what guessing looks like; its count is reserved before the code is looked up and
 * given back when the code was right (`refund`), so parallel guesses cannot all be looked up, and
 * right codes never use up the budget. At 200 guesses an hour against 31^6 ≈ 887.5 million codes,
 * one address needs about 250 years on average to find a given class's code.
 *
 * Sign-up: 20 accounts an hour per IP (a staff training behind one address), since each costs
 * a password estimate and a hash. Password reset e-mails: 10 an hour per IP and 3 per address,
 * so the form cannot be used to flood someone's inbox. Changing a password checks the current
 * one: 10 tries in 15 minutes per account (only its signed-in teacher can try).
 */
export const RATE_RULES = {
	'sign-in-ip': { limit: 100, windowMs: 15 * MINUTE },
	'sign-in-account': { limit: 10, windowMs: 15 * MINUTE },
	join: { limit: 1000, windowMs: 10 * MINUTE },
	'join-failure': { limit: 200, windowMs: 60 * MINUTE },
	'sign-up': { limit: 20, windowMs: 60 * MINUTE },
	'reset-ip': { limit: 10, windowMs: 60 * MINUTE },
	'reset-email': { limit: 3, windowMs: 60 * MINUTE },
	'password-change': { limit: 10, windowMs: 15 * MINUTE }
} as const satisfies Record<string, RateRule>;

export type RateAction = keyof typeof RATE_RULES;

export interface RateStatus {
	/** Whether this request may go ahead. */
	allowed: boolean;
	/** Hits counted in the current window, this one included for `hit`. */
	count: number;
	/** Seconds until the window ends (for a `Retry-After` header). */
	retryAfterSeconds: number;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function windowOf(rule: RateRule, now: number) {
	const index = Math.floor(now / rule.windowMs);
	const retryAfterSeconds = Math.max(1, Math.ceil(((index + 1) * rule.windowMs - now) / 1000));
	return { index, retryAfterSeconds };
}

/**
 * Counts one hit of `action` by `key` and tells whether it is within the limit.
 *
 * @param now the server's clock in milliseconds (tests pass their own)
 */
export async function hit(
	db: Db,
	action: RateAction,
	key: string,
	now: number = Date.now(),
	limit: number = RATE_RULES[action].limit
): Promise<RateStatus> {
	const rule = { ...RATE_RULES[action], limit };
	const { index, retryAfterSeconds } = windowOf(rule, now);
	const row = await db
		.insertInto('rate_limits')
		.values({ action, key: hashKey(key), window_index: index, count: 1 })
		.onConflict((conflict) =>
			conflict.columns(['action', 'key']).doUpdateSet({
				count: sql<number>`case when rate_limits.window_index = ${index} then rate_limits.count + 1 else 1 end`,
				window_index: index
			})
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	// A key starting a new window is a good moment to sweep this action's finished windows, so
	// the table stays as small as the set of recently active keys.
	if (row.count === 1) {
		await db
			.deleteFrom('rate_limits')
			.where('action', '=', action)
			.where('window_index', '<', index)
			.execute();
	}
	return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds };
}

/** Tells whether `key` is still within the limit for `action`, without counting a hit. */
export async function check(
	db: Db,
	action: RateAction,
	key: string,
	now: number = Date.now()
): Promise<RateStatus> {
	const rule = RATE_RULES[action];
	const { index, retryAfterSeconds } = windowOf(rule, now);
	const row = await db
		.selectFrom('rate_limits')
		.select('count')
		.where('action', '=', action)
		.where('key', '=', hashKey(key))
		.where('window_index', '=', index)
		.executeTakeFirst();
	const count = row?.count ?? 0;
	return { allowed: count < rule.limit, count, retryAfterSeconds };
}

/**
 * Takes back one hit of `action` by `key` in the current window: for a hit that was counted
 * before the outcome was known (a join code's look-up) and turned out not to count.
 */
export async function refund(
	db: Db,
	action: RateAction,
	key: string,
	now: number = Date.now()
): Promise<void> {
	const { index } = windowOf(RATE_RULES[action], now);
	await db
		.updateTable('rate_limits')
		.set({ count: sql<number>`count - 1` })
		.where('action', '=', action)
		.where('key', '=', hashKey(key))
		.where('window_index', '=', index)
		.where('count', '>', 0)
		.execute();
}

/** Forgets the hits of `action` by `key` (after a successful sign-in, for its IP and account). */
export async function clear(db: Db, action: RateAction, key: string): Promise<void> {
	await db
		.deleteFrom('rate_limits')
		.where('action', '=', action)
		.where('key', '=', hashKey(key))
		.execute();
}
