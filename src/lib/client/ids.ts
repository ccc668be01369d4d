/**
 * Random ids for answers. `crypto.randomUUID` exists only in secure contexts, and a teacher laptop
 * on the school network (http://192.168.…) is not one, so fall back to getRandomValues, which
 * every context has.
 */
export function newId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** A version 4 UUID (RFC 9562) from 16 random bytes. */
export function uuidFromBytes(random: Uint8Array): string {
	const bytes = Uint8Array.from(random);
	bytes[6] = (bytes[6]! & 0x0f) | 0x40;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
