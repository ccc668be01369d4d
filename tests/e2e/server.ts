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
	/** Everything the server has written to stdout and stderr so far. */
	output(): string;
	/** Sends a signal and waits for the process to end. */
	kill(signal: NodeJS.Signals): Promise<void>;
}

function ended(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the built app on `dataDir` and waits until /healthz answers 200. */
export async function startServer(dataDir: string, port?: number): Promise<TestServer> {
	const chosen = port ?? (await freePort());
	const origin = `http://127.0.0.1:${chosen}`;
	let output = '';
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(chosen), HOST: '127.0.0.1', DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const server: TestServer = {
		origin,
		output: () => output,
		async kill(signal) {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await ended(child);
		}
	};
	for (let tries = 0; tries < 300; tries++) {
		if (child.exitCode !== null) break;
		const up = await fetch(`${origin}/healthz`).then(
			(response) => response.ok,
			() => false
		);
		if (up) return server;
		await sleep(50);
	}
	await server.kill('SIGKILL');
	throw new Error(`The server did not start on ${origin}:\n${output}`);
}
