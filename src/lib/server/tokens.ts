/**
 * Secret tokens (teacher session ids, student device tokens) and the short codes people type
 * (class join codes, one-time re-join codes). Secrets are stored only as SHA-256 hashes: they are
 * random and long, so a plain fast hash is enough and lets the database look them up directly.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A new random secret: 32 bytes, base64url (43 characters). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tells whether a value has the shape of a token from `newToken`, before any lookup. */
export function isTokenShaped(token: unknown): token is string {
	return typeof token === 'string' && TOKEN_FORMAT.test(token);
}

/** SHA-256 (hex) of a secret: what the database stores in its place. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * The letters of join and re-join codes: digits and capitals without 0, O, 1, I and L, which are
 * easily confused when read off a projector or a slip of paper.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A class's join code: 31^6 ≈ 887 million codes. */
export const JOIN_CODE_LENGTH = 6;

/** A student's one-time re-join code; longer, so it never reads as a class's code. */
export const REJOIN_CODE_LENGTH = 8;

/** A random code of `length` letters of `CODE_ALPHABET`. */
export function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

const CODE_FORMAT = new RegExp(`^[${CODE_ALPHABET}]{${JOIN_CODE_LENGTH},${REJOIN_CODE_LENGTH}}$`);

/**
 * The canonical form of a code someone typed: upper case, spaces and hyphens dropped.
 *
 * @returns the code, or null when it cannot be a code (wrong length, a letter not in the alphabet)
 */
export function normaliseCode(value: unknown): string | null {
	if (typeof value !== 'string' || value.length > 32) return null;
	const code = value.replace(/[\s-]/g, '').toUpperCase();
	return CODE_FORMAT.test(code) ? code : null;
}
