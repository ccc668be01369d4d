/**
 * Cleaning of names people type (a student's display name, a class's name). They are shown to
 * others, so they must not carry bidi overrides that reorder a roster, nor control characters
 * that break storage or CSV files.
 */
import { BIDI_CONTROLS, findControlCharacter } from '$lib/text';
import { ValidationError } from './errors';

/** The longest display name a student may have. */
export const STUDENT_NAME_MAX = 40;

/** The longest name a class (or a teacher) may have. */
export const CLASS_NAME_MAX = 80;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');

/**
 * Returns a name ready to store: bidi and zero-width marks removed (phone keyboards insert them
 * unasked, so refusing them would puzzle the student), runs of white space made one space, then
 * trimmed and NFC-normalised.
 *
 * @param field names the input in the error's code, e.g. `name` gives `invalid-name`
 * @throws ValidationError when the value is not a string, holds a control character such as NUL,
 *   or is empty or longer than `max` characters (counted as code points)
 */
export function cleanName(value: unknown, max: number, field = 'name'): string {
	if (typeof value !== 'string') {
		throw new ValidationError(`invalid-${field}`, `The ${field} must be text.`);
	}
	const name = value.replace(BIDI_CONTROLS_ALL, '').normalize('NFC');
	if (findControlCharacter(name) !== -1) {
		throw new ValidationError(`invalid-${field}`, `The ${field} holds a control character.`);
	}
	const cleaned = name.replace(/\s+/g, ' ').trim();
	const length = [...cleaned].length;
	if (length < 1 || length > max) {
		throw new ValidationError(
			`invalid-${field}`,
			`The ${field} must be between 1 and ${max} characters long.`
		);
	}
	return cleaned;
}
