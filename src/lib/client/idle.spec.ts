import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterLoad, runSliced } from './idle';

let windowEvents: EventTarget;
let idle: (() => void)[];

function stub(readyState: DocumentReadyState, withIdle = true) {
	windowEvents = new EventTarget();
	idle = [];
	vi.stubGlobal('document', { readyState });
	vi.stubGlobal('setTimeout', (callback: () => void) => idle.push(callback));
	vi.stubGlobal('window', {
		addEventListener: windowEvents.addEventListener.bind(windowEvents),
		removeEventListener: windowEvents.removeEventListener.bind(windowEvents),
		...(withIdle ? { requestIdleCallback: (callback: () => void) => idle.push(callback) } : {})
	});
}

const runIdle = () => idle.splice(0).forEach((callback) => callback());

beforeEach(() => stub('loading'));
afterEach(() => vi.unstubAllGlobals());

describe('afterLoad', () => {
	it('waits for the load event, then for the browser to be idle', () => {
		const task = vi.fn();
		afterLoad(task);
		runIdle();
		expect(task).not.toHaveBeenCalled();
		windowEvents.dispatchEvent(new Event('load'));
		expect(task).not.toHaveBeenCalled();
		runIdle();
		expect(task).toHaveBeenCalledOnce();
	});

	it('only waits for idle time when the page has loaded already', () => {
		stub('complete');
		const task = vi.fn();
		afterLoad(task);
		runIdle();
		expect(task).toHaveBeenCalledOnce();
	});

	it('falls back to a timer where there is no requestIdleCallback (Safari)', () => {
		stub('complete', false);
		const task = vi.fn();
		afterLoad(task);
		expect(idle).toHaveLength(1);
		runIdle();
		expect(task).toHaveBeenCalledOnce();
	});

	it('runs nothing once cancelled, before or after the load event', () => {
		const early = vi.fn();
		afterLoad(early)();
		const late = vi.fn();
		const cancelLate = afterLoad(late);
		windowEvents.dispatchEvent(new Event('load'));
		cancelLate();
		runIdle();
		expect(early).not.toHaveBeenCalled();
		expect(late).not.toHaveBeenCalled();
	});
});

describe('runSliced', () => {
	it('runs every step, yielding once a slice has used its time', async () => {
		let clock = 0;
		let done = 0;
		const yields: number[] = [];
		const finished = await runSliced(
			() => {
				done += 1;
				clock += 3;
				return done < 10;
			},
			{
				sliceMs: 8,
				now: () => clock,
				yieldTask: async () => void yields.push(done)
			}
		);
		expect(finished).toBe(true);
		expect(done).toBe(10);
		// 3 ms a step: a slice ends after its third step (9 ms >= 8 ms).
		expect(yields).toEqual([3, 6, 9]);
	});

	it('takes at least one step a slice, however slow a step is', async () => {
		let clock = 0;
		let done = 0;
		let yields = 0;
		await runSliced(
			() => {
				clock += 100;
				return ++done < 3;
			},
			{ now: () => clock, yieldTask: async () => void (yields += 1) }
		);
		expect(done).toBe(3);
		expect(yields).toBe(2);
	});

	it('stops between slices once cancelled', async () => {
		let clock = 0;
		let done = 0;
		let cancel = false;
		const finished = await runSliced(
			() => {
				clock += 10;
				done += 1;
				return true;
			},
			{
				now: () => clock,
				cancelled: () => cancel,
				yieldTask: async () => void (cancel = done >= 2)
			}
		);
		expect(finished).toBe(false);
		expect(done).toBe(2);
	});
});
