import { describe, expect, it } from 'vitest';
import { isLoopback, joinOrigins, networkAddresses } from './network.js';

const LAPTOP = {
	lo: [
		{ address: '127.0.0.1', family: 'IPv4', internal: true },
		{ address: '::1', family: 'IPv6', internal: true }
	],
	wlan0: [
		{ address: 'fe80::1c2b:3aff:fe4d:5e6f', family: 'IPv6', internal: false },
		{ address: '2001:db8::42', family: 'IPv6', internal: false },
		{ address: '192.168.1.20', family: 'IPv4', internal: false }
	],
	docker0: [{ address: '172.17.0.1', family: 4, internal: false }]
};

describe('network addresses for join links', () => {
	it('knows loopback names', () => {
		for (const host of [
			'localhost',
			'LOCALHOST',
			'127.0.0.1',
			'127.1.2.3',
			'[::1]',
			'a.localhost'
		]) {
			expect(isLoopback(host), host).toBe(true);
		}
		for (const host of ['192.168.1.20', 'classroom.test', '[2001:db8::42]', 'localhost.example']) {
			expect(isLoopback(host), host).toBe(false);
		}
	});

	it('lists non-internal IPv4 first, then global IPv6, never link-local', () => {
		expect(networkAddresses(LAPTOP)).toEqual(['192.168.1.20', '172.17.0.1', '2001:db8::42']);
		expect(networkAddresses({ lo: LAPTOP.lo })).toEqual([]);
	});

	it('replaces a loopback origin by the network addresses, keeping scheme and port', () => {
		expect(joinOrigins(new URL('http://localhost:3000/teach'), undefined, LAPTOP)).toEqual({
			loopback: true,
			localOnly: false,
			origins: ['http://192.168.1.20:3000', 'http://172.17.0.1:3000', 'http://[2001:db8::42]:3000']
		});
		expect(joinOrigins(new URL('http://127.0.0.1/teach'), '0.0.0.0', LAPTOP).origins[0]).toBe(
			'http://192.168.1.20'
		);
		expect(joinOrigins(new URL('http://localhost:3000/'), '::', { lo: LAPTOP.lo })).toEqual({
			loopback: true,
			localOnly: false,
			origins: []
		});
		expect(joinOrigins(new URL('https://qiraa.school.example/teach'), '', LAPTOP)).toEqual({
			loopback: false,
			localOnly: false,
			origins: ['https://qiraa.school.example']
		});
	});

	it('keeps localhost when the server listens there alone, and a named address as it is', () => {
		expect(joinOrigins(new URL('http://localhost:3000/'), '127.0.0.1', LAPTOP)).toEqual({
			loopback: true,
			localOnly: true,
			origins: ['http://localhost:3000']
		});
		expect(joinOrigins(new URL('http://localhost:3000/'), '192.168.1.20', LAPTOP).origins).toEqual([
			'http://192.168.1.20:3000'
		]);
	});
});
