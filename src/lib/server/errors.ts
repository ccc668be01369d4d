/**
 * The errors services throw for things a caller did wrong. Each carries the HTTP status a route
 * should answer with and a stable `code` a client can translate, so routes map them without
 * knowing the services' insides; anything else is a fault (5xx).
 */
import type { LessonProblem } from '$lib/lesson/problem';

export class ServiceError extends Error {
	/** The HTTP status a route answers with. */
	readonly status: number = 400;
	/**
	 * @param code a stable, machine-readable reason (`invalid-name`, `not-found`, …)
	 * @param message a plain-English sentence, safe to show: it never holds secrets or answers
	 */
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** Input that fails validation: 400. */
export class ValidationError extends ServiceError {
	override readonly status = 400;
}

/** A missing or invalid credential (student token, session, password): 401. */
export class UnauthorizedError extends ServiceError {
	override readonly status = 401;
}

/** Something that does not exist: 404. */
export class NotFoundError extends ServiceError {
	override readonly status = 404;
}

/**
 * Something that exists but belongs to someone else (another teacher's class). Routes answer 404
 * all the same, so a stranger cannot tell another teacher's ids from made-up ones.
 */
export class ForbiddenError extends ServiceError {
	override readonly status = 404;
}

/** An action the current state refuses: sign-up closed, an archived class: 403. */
export class RefusedError extends ServiceError {
	override readonly status = 403;
}

/** Something that was there and was taken away on purpose (a removed student's device): 410. */
export class GoneError extends ServiceError {
	override readonly status = 410;
}

/** A clash with what exists (an e-mail address already signed up): 409. */
export class ConflictError extends ServiceError {
	override readonly status = 409;
}

/** Too many attempts: 429, with how long to wait. */
export class RateLimitError extends ServiceError {
	override readonly status = 429;
	constructor(readonly retryAfterSeconds: number) {
		super('rate-limited', 'Too many attempts. Wait a little and try again.');
	}
}

/** A lesson that does not compile: 422, with every problem as `lessons check` prints them. */
export class InvalidLessonError extends ServiceError {
	override readonly status = 422;
	constructor(readonly problems: LessonProblem[]) {
		super('invalid-lesson', 'The lesson has problems; nothing was stored.');
	}
}

/** A request body over the size limit: 413. */
export class PayloadTooLargeError extends ServiceError {
	override readonly status = 413;
}

/** A request body that is not JSON when JSON is required: 415. */
export class UnsupportedMediaTypeError extends ServiceError {
	override readonly status = 415;
}
