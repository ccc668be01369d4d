import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterLoad } from './idle';

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
