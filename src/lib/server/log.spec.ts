import { describe, expect, it } from 'vitest';
import { faultEntry } from './log';

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
