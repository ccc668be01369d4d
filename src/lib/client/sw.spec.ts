/**
 * The update rules, with workbox-window replaced by a stand-in the test drives: a waiting version
 * is offered, and the page reloads only after the student accepts it here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const workboxes = vi.hoisted(() => [] as FakeWorkbox[]);

class FakeWorkbox extends EventTarget {
	readonly url: string;
	register = vi.fn(async () => undefined);
	update = vi.fn(async () => undefined);
	messageSkipWaiting = vi.fn();

	constructor(url: string) {
		super();
		this.url = url;
		workboxes.push(this);
	}

	emit(type: 'waiting' | 'controlling') {
		this.dispatchEvent(new Event(type));
	}
}

vi.mock('workbox-window', () => ({ Workbox: FakeWorkbox }));

const { registerServiceWorker } = await import('./sw');

let reload: ReturnType<typeof vi.fn>;
let visibility: DocumentVisibilityState;
let documentEvents: EventTarget;

function stubWindow({ secure = true, serviceWorker = true } = {}) {
	reload = vi.fn();
	visibility = 'visible';
	documentEvents = new EventTarget();
	vi.stubGlobal('window', {
		isSecureContext: secure,
		location: { reload },
		setInterval,
		clearInterval
	});
	vi.stubGlobal('navigator', serviceWorker ? { serviceWorker: {} } : {});
	Object.defineProperty(documentEvents, 'visibilityState', { get: () => visibility });
	vi.stubGlobal('document', documentEvents);
}

beforeEach(() => {
	workboxes.length = 0;
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('registerServiceWorker', () => {
	it('registers /service-worker.js for the whole app', () => {
		stubWindow();
		registerServiceWorker(vi.fn());
		expect(workboxes).toHaveLength(1);
		expect(workboxes[0]!.url).toBe('/service-worker.js');
		expect(workboxes[0]!.register).toHaveBeenCalledOnce();
	});

	it('registers nothing on an insecure origin (a teacher laptop over plain http)', () => {
		stubWindow({ secure: false });
		expect(registerServiceWorker(vi.fn())).toBeUndefined();
		expect(workboxes).toHaveLength(0);
	});

	it('registers nothing where the browser has no service workers', () => {
		stubWindow({ serviceWorker: false });
		expect(registerServiceWorker(vi.fn())).toBeUndefined();
		expect(workboxes).toHaveLength(0);
	});

	it('offers a waiting version and does nothing until it is accepted', () => {
		stubWindow();
		const onUpdate = vi.fn();
		registerServiceWorker(onUpdate);
		const wb = workboxes[0]!;
		wb.emit('waiting');
		expect(onUpdate).toHaveBeenCalledOnce();
		vi.advanceTimersByTime(24 * 60 * 60 * 1000);
		expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
		expect(reload).not.toHaveBeenCalled();
	});

	it('activates the new version and reloads once it controls the page, after accepting', () => {
		stubWindow();
		const onUpdate = vi.fn();
		registerServiceWorker(onUpdate);
		const wb = workboxes[0]!;
		wb.emit('waiting');
		onUpdate.mock.calls[0]![0].accept();
		expect(wb.messageSkipWaiting).toHaveBeenCalledOnce();
		expect(reload).not.toHaveBeenCalled();
		wb.emit('controlling');
		expect(reload).toHaveBeenCalledOnce();
	});

	it('does not reload when another tab accepted the update, only once accepted here', () => {
		stubWindow();
		const onUpdate = vi.fn();
		registerServiceWorker(onUpdate);
		const wb = workboxes[0]!;
		wb.emit('waiting');
		wb.emit('controlling');
		expect(reload).not.toHaveBeenCalled();
		onUpdate.mock.calls[0]![0].accept();
		expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
		expect(reload).toHaveBeenCalledOnce();
	});

	it('does not take the first version taking control for an update', () => {
		stubWindow();
		const onUpdate = vi.fn();
		registerServiceWorker(onUpdate);
		const wb = workboxes[0]!;
		wb.emit('controlling');
		wb.emit('waiting');
		onUpdate.mock.calls[0]![0].accept();
		expect(wb.messageSkipWaiting).toHaveBeenCalledOnce();
		expect(reload).not.toHaveBeenCalled();
		wb.emit('controlling');
		expect(reload).toHaveBeenCalledOnce();
	});

	it('looks for a new version when the app comes back to the foreground, and hourly', () => {
		stubWindow();
		const stop = registerServiceWorker(vi.fn())!;
		const wb = workboxes[0]!;
		documentEvents.dispatchEvent(new Event('visibilitychange'));
		expect(wb.update).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(60 * 60 * 1000);
		expect(wb.update).toHaveBeenCalledTimes(2);
		visibility = 'hidden';
		vi.advanceTimersByTime(60 * 60 * 1000);
		expect(wb.update).toHaveBeenCalledTimes(2);
		stop();
		visibility = 'visible';
		documentEvents.dispatchEvent(new Event('visibilitychange'));
		vi.advanceTimersByTime(60 * 60 * 1000);
		expect(wb.update).toHaveBeenCalledTimes(2);
	});

	it('lets a failed update check pass (offline, the next one will do)', async () => {
		stubWindow();
		registerServiceWorker(vi.fn());
		const wb = workboxes[0]!;
		wb.update.mockRejectedValueOnce(new TypeError('Failed to fetch'));
		documentEvents.dispatchEvent(new Event('visibilitychange'));
		await vi.runAllTicks();
		expect(wb.update).toHaveBeenCalledOnce();
	});
});
