/**
 * The one place the server writes to its log. Requests carry students' answers, teachers'
 * passwords and tokens, and an error's message may quote what it was given (PostgreSQL's
 * `invalid input syntax for type uuid: "…"`, a key's value in a unique violation, a parser's view
 * of the text near a fault). So a fault is logged by its kind, its code and where it happened in
 * our code: never its message, the request's body, query or path (a join link holds a class's
 * code), only the route's pattern.
 */

export interface FaultContext {
	method: string;
	/** The route's pattern (`/api/sync`, `/[[lang=lang]]/join/[code]`), or null when none matched. */
	routeId: string | null;
	status: number;
}

/** Stack frames kept per error: enough to find the fault. */
const FRAMES = 8;

function describe(error: unknown): string {
	if (!(error instanceof Error)) return typeof error;
	const code = (error as { code?: unknown }).code;
	const name =
		typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
	// A frame names a function and a file; the stack's first line repeats the message.
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, FRAMES);
	const cause = error.cause === undefined ? [] : [`  caused by ${describe(error.cause)}`];
	return [name, ...frames, ...cause].join('\n');
}

/** The log entry for an unexpected error while answering a request. */
export function faultEntry(error: unknown, context: FaultContext): string {
	return `${context.status} ${context.method} ${context.routeId ?? '(no route)'}: ${describe(error)}\n`;
}

/** Writes a fault's entry to standard error. */
export function logFault(error: unknown, context: FaultContext): void {
	process.stderr.write(faultEntry(error, context));
}

/**
 * The log entry for a request the server refused as the client's mistake (4xx) before our code
 * could answer it: an address with a broken %-encoding (400), a body over the size limit (413), a
 * form action posted as another content type (415). One line, no stack: nothing is broken here.
 */
export function clientErrorEntry(error: unknown, context: FaultContext): string {
	const kind = error instanceof Error ? error.name : typeof error;
	return `${context.status} ${context.method} ${context.routeId ?? '(no route)'}: client error (${kind})\n`;
}

/**
 * Logs an error SvelteKit hands to `handleError`: a client's mistake (status below 500) as one
 * line, anything else as a fault with its stack.
 */
export function logRequestError(error: unknown, context: FaultContext): void {
	process.stderr.write(
		context.status < 500 ? clientErrorEntry(error, context) : faultEntry(error, context)
	);
}
