import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

/** Liveness for operators and load balancers: `{ ok, db }` with the database engine in use. */
export function GET() {
	return json(
		{ ok: true, db: env.DATABASE_URL ? 'postgres' : 'sqlite' },
		{ headers: { 'cache-control': 'no-store' } }
	);
}
