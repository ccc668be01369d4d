/**
 * What the teacher area's pages share about forms: the shape of a failed action, its message
 * key, and the `use:enhance` variant for forms that edit a value in place.
 */
import type { SubmitFunction } from '@sveltejs/kit';

/** What a failed form action returns; `form` names the form, so the page shows it in place. */
export interface Problem {
	form: string;
	/** A service's error code, e.g. `invalid-name`; translated under `teach.errors`. */
	reason: string;
	/** What the teacher typed, to put back in the form (never a password). */
	values?: Record<string, string>;
	/** Seconds to wait, when rate-limited. */
	retryAfter?: number;
}

/** The reasons the pages have words for; any other shows the generic message. */
const KNOWN = new Set([
	'invalid-email',
	'invalid-name',
	'malformed-name',
	'invisible-name',
	'password-too-short',
	'password-too-long',
	'password-too-weak',
	'email-taken',
	'signup-closed',
	'invalid-credentials',
	'wrong-password',
	'reset-link-invalid',
	'rate-limited',
	'invalid-time-zone',
	'invalid-due-date',
	'invalid-lessons',
	'unknown-lesson',
	'lesson-taken',
	'confirm-delete',
	'too-many-drafts',
	'no-copy-id'
]);

/** The problem of the form called `name`, when the last action was that form's and failed. */
export function problemFor(form: unknown, name: string): Problem | null {
	if (typeof form !== 'object' || form === null) return null;
	const candidate = form as Partial<Problem>;
	if (candidate.form !== name || typeof candidate.reason !== 'string') return null;
	return candidate as Problem;
}

/** The translation key and options of a problem's message. */
export function problemMessage(problem: Problem): { key: string; count?: number } {
	if (problem.reason === 'rate-limited') {
		return {
			key: 'teach.errors.rate-limited',
			count: Math.max(1, Math.ceil((problem.retryAfter ?? 60) / 60))
		};
	}
	return {
		key: KNOWN.has(problem.reason) ? `teach.errors.${problem.reason}` : 'teach.errors.generic'
	};
}

/** `use:enhance` for forms that edit a value: keep what is in the fields after saving. */
export const keepValues: SubmitFunction = () => {
	return async ({ update }) => update({ reset: false });
};
