import { afterEach, describe, expect, it, vi } from 'vitest';
import { faultEntry, logRequestError } from './log';

const SECRET = 'answer-ZQX-7731 and hunter2-password';

describe('faultEntry', () => {
	it('names the error, its code and where it happened, never its message', () => {
		const error = Object.assign(new Error(`invalid input syntax for type uuid: "${SECRET}"`), {
			name: 'DatabaseError',
			code: '22P02'
		});
		const entry = faultEntry(error, { method: 'POST', routeId: '/api/sync', status: 500 });
		expect(entry).toMatch(/^500 POST \/api\/sync: DatabaseError 22P02\n {4}at /);
		expect(entry).toContain('log.spec.ts');
		expect(entry).not.toContain('ZQX');
		expect(entry).not.toContain('hunter2');
		expect(entry.endsWith('\n')).toBe(true);
	});

	it('follows causes without their messages either', () => {
		const error = new Error('Database migration failed', {
			cause: new SyntaxError(`Unexpected token in JSON at "${SECRET}"`)
		});
		const entry = faultEntry(error, { method: 'GET', routeId: null, status: 500 });
		expect(entry).toMatch(/^500 GET \(no route\): Error\n/);
		expect(entry).toContain('  caused by SyntaxError\n');
		expect(entry).not.toContain('ZQX');
	});

	it('says only the type of something thrown that is not an Error', () => {
		expect(faultEntry(SECRET, { method: 'POST', routeId: '/x', status: 500 })).toBe(
			'500 POST /x: string\n'
		);
		expect(faultEntry({ password: SECRET }, { method: 'POST', routeId: '/x', status: 500 })).toBe(
			'500 POST /x: object\n'
		);
	});
});

describe('logRequestError', () => {
	afterEach(() => vi.restoreAllMocks());

	it("logs a client's mistake as one line, and a fault with its stack", () => {
		const lines: string[] = [];
		vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		for (const status of [400, 413, 415]) {
			const error = new URIError(`URI malformed: /join/${SECRET}%E0%A4%A`);
			logRequestError(error, { method: 'POST', routeId: '/[[lang=lang]]/teach', status });
		}
		expect(lines).toEqual([
			'400 POST /[[lang=lang]]/teach: client error (URIError)\n',
			'413 POST /[[lang=lang]]/teach: client error (URIError)\n',
			'415 POST /[[lang=lang]]/teach: client error (URIError)\n'
		]);
		logRequestError(new TypeError('boom'), { method: 'GET', routeId: '/x', status: 500 });
		expect(lines[3]).toMatch(/^500 GET \/x: TypeError\n {4}at /);
	});
});
