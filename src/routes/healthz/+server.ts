import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { env } from '$env/dynamic/private';
import { getDatabase } from '$lib/server/db/instance';

/**
 * Readiness for operators and load balancers: 200 `{ ok: true, db }` once the database answers a
 * query, 503 `{ ok: false, db, error }` when it does not. `db` is the engine in use.
 */
export async function GET() {
	const headers = { 'cache-control': 'no-store' };
	const configured = env.DATABASE_URL ? 'postgres' : 'sqlite';
	try {
		const { db, engine } = await getDatabase();
		await sql`select 1`.execute(db);
		return json({ ok: true, db: engine }, { headers });
	} catch {
		// The reason can hold a connection string, so it stays out of a public response.
		return json(
			{ ok: false, db: configured, error: 'database unavailable' },
			{ status: 503, headers }
		);
	}
}
