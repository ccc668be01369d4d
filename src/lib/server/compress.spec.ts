import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressed, MIN_COMPRESS_BYTES } from './compress';

const PAGE = `<!doctype html><p lang="ar">${'البصرة تدعو القوات البريطانية للعودة اليها. '.repeat(200)}</p>`;

const get = (accept: string | null, method = 'GET') =>
	new Request('http://localhost/lessons/x', {
		method,
		headers: accept === null ? {} : { 'accept-encoding': accept }
	});

const page = (body: string | null = PAGE, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, {
		status,
		headers: { 'content-type': 'text/html', etag: '"1uejwr6"', ...headers }
	});

describe('chooseEncoding', () => {
	it('prefers brotli, falls back to gzip, and honours q=0', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip, deflate')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*;q=0')).toBe(null);
		expect(chooseEncoding('identity')).toBe(null);
		expect(chooseEncoding('')).toBe(null);
		expect(chooseEncoding(null)).toBe(null);
		expect(chooseEncoding(' , ;q=, br;q=abc')).toBe(null);
	});
});

describe('compressed', () => {
	it('sends a page in brotli, byte for byte the same once decoded, with an ETag of its own', async () => {
		const response = await compressed(get('gzip, br'), page());
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(response.headers.get('etag')).toBe('"1uejwr6-br"');
		const body = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
		expect(body.byteLength).toBeLessThan(Buffer.byteLength(PAGE) / 10);
		expect(brotliDecompressSync(body).toString()).toBe(PAGE);
	});

	it('lets SvelteKit answer 304 to a browser that holds this encoding, without compressing', async () => {
		const request = new Request('http://localhost/', {
			headers: { 'accept-encoding': 'br', 'if-none-match': '"1uejwr6-br"' }
		});
		const response = await compressed(request, page());
		expect(response.headers.get('etag')).toBe('"1uejwr6-br"');
		expect(response.headers.get('content-encoding')).toBe(null);
	});

	it('sends gzip to a browser without brotli, keeping status and other headers', async () => {
		const response = await compressed(
			get('gzip'),
			page(PAGE, { 'cache-control': 'no-cache', 'content-type': 'application/json' }, 422)
		);
		expect(response.status).toBe(422);
		expect(response.headers.get('cache-control')).toBe('no-cache');
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(PAGE);
	});

	it('leaves alone what it should not touch', async () => {
		const cases: [Request, Response][] = [
			[get(null), page()],
			[get('br', 'HEAD'), page()],
			[get('br'), page('x'.repeat(MIN_COMPRESS_BYTES - 1))],
			[get('br'), page(PAGE, { 'content-encoding': 'gzip' })],
			[get('br'), page(PAGE, { 'content-type': 'image/png' })],
			[get('br'), page(PAGE, { 'cache-control': 'no-transform' })],
			[get('br'), page(null, {}, 304)],
			[get('br'), new Response(null, { status: 303, headers: { location: '/' } })]
		];
		for (const [request, response] of cases) {
			const before = response.headers.get('etag');
			const result = await compressed(request, response);
			expect(result.headers.get('content-encoding')).toBe(response.headers.get('content-encoding'));
			expect(result.headers.get('etag')).toBe(before);
			expect(result.status).toBe(response.status);
		}
		const small = await compressed(get('br'), page('x'.repeat(100)));
		expect(await small.text()).toBe('x'.repeat(100));
	});
});
