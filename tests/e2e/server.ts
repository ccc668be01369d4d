/**
 * A server of a test's own: the built app as `npm start` runs it (`node scripts/start.js`), on a
 * free loopback port, with a data folder the test chooses, its output kept. For what the shared
 * server cannot show: being killed and restarted, and what it writes to its log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../scripts/bench/server';

export interface TestServer {
	origin: string;
	/** The engine /healthz names: `sqlite` or `postgres`. */
	db: string;
	/** Everything the server has written to stdout and stderr so far. */
	output(): string;
	/** Sends a signal and waits for the process to end. */
	kill(signal: NodeJS.Signals): Promise<void>;
}

function ended(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface ServerOptions {
	/** The SQLite data folder. */
	dataDir: string;
	/** PostgreSQL instead of SQLite; never inherited from the test's own environment. */
	databaseUrl?: string;
	/** A port of its own choosing (to restart on the same one); else a free one. */
	port?: number;
}

/** Starts the built app and waits until /healthz answers 200. */
export async function startServer(options: ServerOptions): Promise<TestServer> {
	const port = options.port ?? (await freePort());
	const origin = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: options.dataDir,
			DATABASE_URL: options.databaseUrl ?? '',
			// Every test signs up teachers of its own, all from 127.0.0.1.
			SIGNUP_PER_HOUR: '10000'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const server: TestServer = {
		origin,
		db: '',
		output: () => output,
		async kill(signal) {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await ended(child);
		}
	};
	for (let tries = 0; tries < 300; tries++) {
		if (child.exitCode !== null) break;
		const health = await fetch(`${origin}/healthz`).then(
			async (response) => (response.ok ? ((await response.json()) as { db: string }) : null),
			() => null
		);
		if (health) return { ...server, db: health.db };
		await sleep(50);
	}
	await server.kill('SIGKILL');
	throw new Error(`The server did not start on ${origin}:\n${output}`);
}
