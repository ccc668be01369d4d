/**
 * Compression of what the app renders on request (pages, their data, JSON, CSV). The Node adapter
 * sends the build's files precompressed, but not a response the app makes: a lesson page is about
 * 110 KB of HTML and 25 KB gzipped, and a phone on a slow connection pays for every byte. Brotli
 * when the browser takes it (at a quality that costs about as much time as gzip), gzip otherwise.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a response is sent as it is: compressing it saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg)/;

type Encoding = 'br' | 'gzip';

/** The encoding to send in, from an `Accept-Encoding` header (q=0 refuses one), or null. */
export function chooseEncoding(accept: string | null): Encoding | null {
	const offered = new Map<string, number>();
	for (const part of (accept ?? '').toLowerCase().split(',')) {
		const [name = '', ...params] = part.trim().split(';');
		// A weight that does not parse counts as a refusal.
		const q = params.find((param) => /^\s*q=/i.test(param));
		const weight =
			q === undefined ? 1 : Number(/^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(q)?.[1] ?? 0);
		if (name.trim()) offered.set(name.trim(), weight);
	}
	const weight = (name: Encoding) => offered.get(name) ?? offered.get('*') ?? 0;
	if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
	return weight('gzip') > 0 ? 'gzip' : null;
}

/**
 * `response` compressed for `request` when worth it: a body of a compressible type, not already
 * encoded, of at least MIN_COMPRESS_BYTES.
 */
export async function compressed(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		request.method === 'HEAD' ||
		!response.body ||
		response.status === 204 ||
		response.status === 304 ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		/\bno-transform\b/.test(response.headers.get('cache-control') ?? '')
	) {
		return response;
	}
	response.headers.append('vary', 'Accept-Encoding');
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const length = response.headers.get('content-length');
	if (encoding === null || (length !== null && Number(length) < MIN_COMPRESS_BYTES)) {
		return response;
	}
	// Each encoding is its own representation, with its own ETag (as Apache names them). When the
	// browser holds this one already, SvelteKit answers 304 after this hook: no need to compress.
	const etag = response.headers.get('etag');
	const tagged = etag?.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : null;
	if (tagged && request.headers.get('if-none-match')?.replace(/^W\//, '') === tagged) {
		response.headers.set('etag', tagged);
		return response;
	}
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	if (body.byteLength < MIN_COMPRESS_BYTES) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const packed =
		encoding === 'br'
			? await brotli(body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 5,
						[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
					}
				})
			: await gzipAsync(body, { level: 6 });
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.byteLength));
	if (tagged) headers.set('etag', tagged);
	return new Response(packed, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
