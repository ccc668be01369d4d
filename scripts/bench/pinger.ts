/**
 * Asks a URL again and again from a thread of its own, on a connection of its own, and gives
 * each answer's latency: /healthz while the results page is under load. In the bench's main
 * thread the pings would queue behind its own 40 requests (their fetches, their decompression)
 * and measure the load generator as much as the server.
 */
import { Worker } from 'node:worker_threads';

export interface Pings {
	latenciesMs: number[];
	failures: number;
}

// Plain JavaScript, run as the worker's source: node:http with one kept-alive socket.
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, durationMs, everyMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latenciesMs = [];
let failures = 0;
function ping() {
	return new Promise((resolve) => {
		const started = performance.now();
		const request = http.get(url, { agent }, (response) => {
			response.resume();
			response.on('end', () => {
				if (response.statusCode !== 200) failures++;
				latenciesMs.push(performance.now() - started);
				resolve();
			});
		});
		request.on('error', () => {
			failures++;
			latenciesMs.push(performance.now() - started);
			resolve();
		});
	});
}
(async () => {
	// One ping first, not counted: the connection is open before the load starts.
	await ping();
	latenciesMs.length = 0;
	failures = 0;
	parentPort.postMessage({ ready: true });
	const untilEpochMs = Date.now() + durationMs;
	while (Date.now() < untilEpochMs) {
		await ping();
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
	agent.destroy();
	parentPort.postMessage({ latenciesMs, failures });
})();
`;

/**
 * Opens a connection to `url` and resolves once it is open; from then on pings it every
 * `everyMs` (after each answer) for `durationMs`, and `done` gives the latencies.
 */
export function startPinger(
	url: string,
	durationMs: number,
	everyMs: number
): Promise<{ done: Promise<Pings> }> {
	return new Promise((ready, failed) => {
		const worker = new Worker(SOURCE, { eval: true, workerData: { url, durationMs, everyMs } });
		const done = new Promise<Pings>((resolve, reject) => {
			worker.on('message', (message: Pings | { ready: true }) => {
				if ('ready' in message) {
					ready({ done });
					return;
				}
				resolve(message);
				void worker.terminate();
			});
			worker.once('error', (error) => {
				reject(error);
				failed(error);
			});
			worker.once('exit', (code) => {
				const error = new Error(`the pinger stopped with code ${code}`);
				if (code !== 0) {
					reject(error);
					failed(error);
				}
			});
		});
		// Failures reach the caller through `ready` until then, and through `done` after.
		done.catch(() => {});
	});
}
