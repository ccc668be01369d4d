/**
 * The student's sending: answers left behind by a send that found no network, or a failing
 * server, are sent again seconds later, backing off to every half minute, and not again once sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendOutcome } from './outbox';

const outcomes: SendOutcome['status'][] = [];
const sendOutbox = vi.fn(async (): Promise<SendOutcome> => {
	const status = outcomes.shift() ?? 'sent';
	return { status, sent: 0, remaining: status === 'sent' ? 0 : 1, stuck: [] };
});

// The device's database is not what is tested here: the counts read nothing.
vi.mock('./outbox', async (original) => ({
	...(await original<typeof import('./outbox')>()),
	sendOutbox,
	pendingCount: async () => 1,
	pendingFor: async () => 1,
	stuckAnswers: async () => []
}));
vi.mock('./progress', async (original) => ({
	...(await original<typeof import('./progress')>()),
	allProgress: async () => []
}));

const { FIRST_RETRY_MS, LAST_RETRY_MS, StudentState } = await import('./student.svelte');

beforeEach(() => {
	// A browser with no service worker: the background sync it would ask for is not tested here.
	vi.stubGlobal('navigator', {});
	vi.useFakeTimers();
	sendOutbox.mockClear();
	outcomes.length = 0;
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** Lets the timers run `ms` on, and the sends they start finish. */
async function after(ms: number) {
	await vi.advanceTimersByTimeAsync(ms);
}

describe('StudentState.sync', () => {
	it('sends again 2, 4, 8… s after a send that left answers behind, and stops once they are sent', async () => {
		const student = new StudentState();
		outcomes.push('offline', 'failed', 'offline');
		await student.sync();
		expect(sendOutbox).toHaveBeenCalledTimes(1);
		await after(FIRST_RETRY_MS - 1);
		expect(sendOutbox).toHaveBeenCalledTimes(1);
		await after(1);
		expect(sendOutbox).toHaveBeenCalledTimes(2);
		await after(2 * FIRST_RETRY_MS);
		expect(sendOutbox).toHaveBeenCalledTimes(3);
		await after(4 * FIRST_RETRY_MS);
		// The fourth send finds the network: nothing is left, and nothing is tried again.
		expect(sendOutbox).toHaveBeenCalledTimes(4);
		expect(student.lastOutcome).toBe('sent');
		await after(10 * LAST_RETRY_MS);
		expect(sendOutbox).toHaveBeenCalledTimes(4);
	});

	it('waits no longer than the last step between tries', async () => {
		const student = new StudentState();
		outcomes.push(...Array<SendOutcome['status']>(10).fill('failed'));
		await student.sync();
		await after(FIRST_RETRY_MS * (1 + 2 + 4 + 8));
		expect(sendOutbox).toHaveBeenCalledTimes(5);
		await after(LAST_RETRY_MS - 1);
		expect(sendOutbox).toHaveBeenCalledTimes(5);
		await after(1);
		expect(sendOutbox).toHaveBeenCalledTimes(6);
	});

	it('does not try again a removed student or a device with no class', async () => {
		for (const status of ['removed', 'no-identity', 'refused'] as const) {
			sendOutbox.mockClear();
			outcomes.push(status);
			await new StudentState().sync();
			await after(10 * LAST_RETRY_MS);
			expect(sendOutbox, status).toHaveBeenCalledTimes(1);
		}
	});
});
