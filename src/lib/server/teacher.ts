/**
 * What the teacher area's loads and actions share: the signed-in teacher, the database, and the
 * mapping of the services' typed errors to answers (404 for another teacher's ids, a `fail` with
 * a reason code the page translates for bad input).
 */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { localisePath } from '$lib/i18n';
import type { TeacherAccount } from '$lib/server/auth';
import { getDb } from '$lib/server/db/instance';
import { RateLimitError, ServiceError } from '$lib/server/errors';
import type { Db } from '$lib/server/db/database';
import type { Problem } from '$lib/teach/forms';
import type { JoinLinks } from '$lib/teach/join';
import { joinOrigins } from './network.js';

/**
 * The signed-in teacher and the database. The hook has already sent signed-out visitors to the
 * sign-in page; this narrows the type, and keeps a route safe if the hook ever changes.
 */
export async function teacherContext(
	locals: App.Locals
): Promise<{ teacher: TeacherAccount; db: Db }> {
	if (locals.teacher === null) redirect(303, localisePath('/teach/signin', locals.lang));
	return { teacher: locals.teacher, db: await getDb() };
}

/**
 * Turns a service's typed error into the action's answer: 404 (a missing id, or another teacher's,
 * which must look the same) becomes the error page; anything else a `fail` with its reason.
 * Faults are rethrown for a 500.
 */
export function problem(
	cause: unknown,
	form: string,
	values?: Record<string, string>
): ActionFailure<Problem> {
	if (!(cause instanceof ServiceError)) throw cause;
	if (cause.status === 404) error(404, cause.message);
	return fail(cause.status, {
		form,
		reason: cause.code,
		values,
		retryAfter: cause instanceof RateLimitError ? cause.retryAfterSeconds : undefined
	});
}

/** For loads: a service's 404 (or another teacher's id) becomes the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (cause) {
		if (cause instanceof ServiceError && cause.status === 404) error(404, cause.message);
		throw cause;
	}
}

/** Join links for `code` (a class's or a re-join code) that a phone can open (network.js). */
export function joinLinks(url: URL, code: string): JoinLinks {
	const { origins, loopback, localOnly } = joinOrigins(url, env.HOST);
	const [first = url.origin, ...others] = origins;
	return {
		joinUrl: `${first}/join/${code}`,
		otherUrls: localOnly ? [] : others.map((origin) => `${origin}/join/${code}`),
		loopback,
		unreachable: localOnly || (loopback && origins.length === 0)
	};
}

/** A text field of a submitted form; '' when missing or a file. */
export function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}
