/**
 * The production server as operators run it (`npm start`: `scripts/start.js` serving `build/`),
 * how long it takes from spawn to its first healthy answer, and how much memory it holds.
 * Loopback only: it listens on 127.0.0.1 on a free port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The script `npm start` runs. */
const START_SCRIPT = fileURLToPath(new URL('../start.js', import.meta.url));

export interface RunningServer {
	origin: string;
	pid: number;
	/** Milliseconds from spawn to the first 200 from /healthz. */
	coldStartMs: number;
	/** The engine /healthz reports. */
	db: string;
	stop(): Promise<void>;
}

/** A port nothing listens on right now, from the operating system. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/**
 * A process's resident memory from /proc (Linux): `VmRSS` now and `VmHWM`, its peak, in MB.
 * Null where there is no /proc.
 */
export function residentMemory(pid: number): { rssMb: number; peakMb: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
		const rss = kb('VmRSS');
		const peak = kb('VmHWM');
		if (Number.isNaN(rss)) return null;
		return { rssMb: rss / 1024, peakMb: peak / 1024 };
	} catch {
		return null;
	}
}

let ticksPerSecond: number | undefined;

/**
 * The CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux);
 * null where there is none. Unlike wall time, it hardly changes when other work shares the
 * machine, so it compares runs made at different times.
 */
export function cpuTimeMs(pid: number): number | null {
	try {
		// The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
		// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
		return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
	} catch {
		return null;
	}
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the build as `npm start` serves it (`scripts/start.js`, which adds the security headers
 * to every response), and waits for /healthz to answer 200. Served as plain `node build`, without
 * them, a Lighthouse run's first paint came 1.5–2 s later than with them, and every timing
 * measured a server no one runs.
 *
 * @param env DATA_DIR, DATABASE_URL and the like; PORT and HOST are chosen here
 * @param timeoutMs give up (and kill the server) after this long
 */
export async function startServer(
	buildDir: string,
	env: Record<string, string>,
	timeoutMs = 30_000
): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let output = '';
	const started = performance.now();
	// BENCH_NODE_ARGS passes flags to the server's Node, e.g. `--cpu-prof` to profile it under load.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
	// start.js serves `build/` under its working directory.
	if (basename(buildDir) !== 'build') throw new Error(`Cannot serve ${buildDir}: not a build/`);
	const child = spawn(process.execPath, [...nodeArgs, START_SCRIPT], {
		cwd: dirname(resolve(buildDir)),
		// ORIGIN: without it adapter-node takes every request for HTTPS, and the app would refuse
		// the bench's writes as coming from another origin (http://127.0.0.1).
		env: {
			...process.env,
			...env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Kept only to explain a server that never became healthy.
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);

	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const killed = sleep(10_000).then(() => child.kill('SIGKILL'));
		await Promise.race([exited(child), killed]);
		await exited(child);
	};

	const deadline = started + timeoutMs;
	while (performance.now() < deadline) {
		if (child.exitCode !== null) break;
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.status === 200) {
				const coldStartMs = performance.now() - started;
				const body = (await response.json()) as { db?: string };
				return { origin, pid: child.pid!, coldStartMs, db: body.db ?? '?', stop };
			}
			await response.body?.cancel();
		} catch {
			// Not listening yet.
		}
		await sleep(5);
	}
	await stop();
	throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output}`);
}
