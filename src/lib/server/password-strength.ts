/**
 * How guessable a new password is, estimated by zxcvbn-ts with its common and English
 * dictionaries (passwords, names, words, keyboard walks, repeats, sequences, dates). Server only:
 * the dictionaries are megabytes, and a phone never needs them.
 *
 * A password passes at zxcvbn's score 3, about 10^8 guesses or more: "aaaaaaaa", eight spaces,
 * "password1" and "qwertyuiop" fail; a few ordinary words together pass.
 */
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The lowest zxcvbn score (0 to 4) a new password may have. */
export const MIN_SCORE = 3;

// The estimate's cost grows with the length; beyond this many characters a password is long
// enough that the rest cannot make it weak, so only its start is estimated.
const ESTIMATED_LENGTH = 100;

// The dictionaries are unpacked as their modules load: about 0.3 s of CPU and tens of megabytes
// that a server starting with a large library should not pay before its first request. So the
// modules are required (synchronously: they are CommonJS) when the first password is checked.
const require = createRequire(import.meta.url);
let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
	if (estimator) return estimator;
	const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
	const common =
		require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
	const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
	estimator = new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...english.dictionary },
		graphs: common.adjacencyGraphs,
		translations: english.translations,
		maxLength: ESTIMATED_LENGTH
	});
	return estimator;
}

/**
 * zxcvbn's score for a password (0 to 4), with the words the account is known by (its e-mail
 * address and its parts, the teacher's name) counted as guessable.
 */
export function passwordScore(password: string, userInputs: string[] = []): number {
	const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]);
	return getEstimator().check(
		password,
		inputs.filter((input) => input.length > 0)
	).score;
}

/** Tells whether a password is hard enough to guess to be accepted. */
export function strongEnough(password: string, userInputs: string[] = []): boolean {
	return passwordScore(password, userInputs) >= MIN_SCORE;
}
