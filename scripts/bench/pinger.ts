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
const { url, untilEpochMs, everyMs } = workerData;
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
	while (Date.now() < untilEpochMs) {
		await ping();
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
	agent.destroy();
	parentPort.postMessage({ latenciesMs, failures });
})();
`;

/** Pings `url` every `everyMs` (after each answer) until `durationMs` from now. */
export function pingFor(url: string, durationMs: number, everyMs: number): Promise<Pings> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(SOURCE, {
			eval: true,
			workerData: { url, untilEpochMs: Date.now() + durationMs, everyMs }
		});
		worker.once('message', (pings: Pings) => {
			resolve(pings);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`the pinger stopped with code ${code}`));
		});
	});
}
