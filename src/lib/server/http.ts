/**
 * What JSON endpoints share: reading a size-capped JSON body, the bearer token, and turning the
 * services' typed errors into `{ error, code }` responses. Anything that is not a `ServiceError`
 * is a fault and is rethrown for SvelteKit to answer 500.
 */
import { json } from '@sveltejs/kit';
import {
	PayloadTooLargeError,
	RateLimitError,
	RefusedError,
	ServiceError,
	UnsupportedMediaTypeError,
	ValidationError
} from './errors';

/** The largest request body an endpoint reads. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Headers for every API response: answers and tokens must never sit in a cache. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

const tooLarge = () =>
	new PayloadTooLargeError(
		'body-too-large',
		`The request body must be at most ${MAX_BODY_BYTES / 1024} KB.`
	);

/**
 * Reads a request's JSON body, refusing other content types (which also keeps cross-site forms
 * from posting here without a CORS preflight) and bodies over `limit` bytes, whatever their
 * Content-Length claims.
 *
 * @throws UnsupportedMediaTypeError (415), PayloadTooLargeError (413), ValidationError
 *   `invalid-json` (400)
 */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		throw new UnsupportedMediaTypeError(
			'unsupported-media-type',
			'Send the body as application/json.'
		);
	}
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) throw tooLarge();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel();
				throw tooLarge();
			}
			chunks.push(value);
		}
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new ValidationError('invalid-json', 'The request body is not valid JSON.');
	}
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
	return match?.[1] ?? null;
}

/**
 * Answers a service's typed error as JSON `{ error, code }` with its status (and `Retry-After`
 * when rate-limited); rethrows anything else.
 */
export function errorResponse(error: unknown): Response {
	if (!(error instanceof ServiceError)) throw error;
	const headers: Record<string, string> = { ...NO_STORE };
	if (error instanceof RateLimitError) headers['retry-after'] = String(error.retryAfterSeconds);
	return json({ error: error.message, code: error.code }, { status: error.status, headers });
}

/** Methods that never change anything, which a cross-site page may therefore send. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a request that could change state (any method but GET, HEAD and OPTIONS) unless its
 * `Origin` is this app's own: 403 `{ error, code }`, or null to let it through. Browsers send
 * `Origin` with every such request, same-origin ones included, so a missing one (a plain HTML
 * form from a page that strips it, a script) and a foreign one are refused alike, whatever the
 * content type: form encodings, JSON sent as `text/plain`, or no body type at all.
 */
export function crossOriginRefusal(request: Request, url: URL): Response | null {
	if (SAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return null;
	return errorResponse(
		origin === null
			? new RefusedError('missing-origin', 'This request needs an Origin header.')
			: new RefusedError('cross-origin', 'Requests from another site are refused.')
	);
}
