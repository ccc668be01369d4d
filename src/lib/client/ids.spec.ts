import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId, uuidFromBytes } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('newId', () => {
	it('uses crypto.randomUUID where it exists (secure contexts)', () => {
		const randomUUID = vi.fn(() => '00000000-0000-4000-8000-000000000000');
		vi.stubGlobal('crypto', { randomUUID, getRandomValues: vi.fn() });
		expect(newId()).toBe('00000000-0000-4000-8000-000000000000');
	});

	it('makes a v4 UUID from getRandomValues on an insecure origin', () => {
		vi.stubGlobal('crypto', {
			getRandomValues: <T extends ArrayBufferView>(bytes: T) => {
				new Uint8Array(bytes.buffer).fill(0xff);
				return bytes;
			}
		});
		expect(newId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
	});
});

describe('uuidFromBytes', () => {
	it('sets the version and variant bits and keeps the rest', () => {
		expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
		const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
		expect(uuidFromBytes(bytes)).toMatch(UUID_V4);
		expect(bytes[6]).toBe(102);
	});

	it('gives different ids for different randomness', () => {
		const ids = new Set(
			Array.from({ length: 1000 }, () => uuidFromBytes(crypto.getRandomValues(new Uint8Array(16))))
		);
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(UUID_V4);
	});
});
