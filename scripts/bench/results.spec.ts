import { describe, expect, it } from 'vitest';
import { serverTimings } from './results';

describe('serverTimings', () => {
	it('reads each duration of a Server-Timing header by name', () => {
		expect(serverTimings('cpu;dur=1.250, app;dur=3.5')).toEqual({ cpu: 1.25, app: 3.5 });
		expect(serverTimings('cache;desc="hit", db;dur=2')).toEqual({ db: 2 });
		expect(serverTimings(null)).toEqual({});
	});
});
