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

// Half of a surrogate pair without the other half: a broken paste or a script's doing. It is not
// a character at all, and SQLite would store it as invalid UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// What draws nothing: white space, format and default-ignorable characters (U+3164 HANGUL
// FILLER, U+FFA0, U+115F and U+1160 among them), combining marks with nothing to sit on, and
// U+2800 BRAILLE PATTERN BLANK, a symbol that shows as a blank.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800]/gu;

/** Tells whether a name would show as nothing at all on a roster. */
export function rendersBlank(name: string): boolean {
	return name.replace(INVISIBLE, '') === '';
}

/**
 * The form in which two names count as the same for a teacher reading a roster: compatibility
 * forms folded, case ignored, invisible characters dropped, spaces made one.
 */
export function nameKey(name: string): string {
	return name
		.normalize('NFKC')
		.toLocaleLowerCase('en')
		.replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Returns a name ready to store: bidi and zero-width marks removed (phone keyboards insert them
 * unasked, so refusing them would puzzle the student), runs of white space made one space, then
 * trimmed and NFC-normalised.
 *
 * @param field names the input in the error's code, e.g. `name` gives `invalid-name`
 * @throws ValidationError `invalid-<field>` when the value is not a string, holds a control
 *   character such as NUL, or is empty or longer than `max` characters (counted as code points);
 *   `malformed-<field>` when it holds half a surrogate pair; `invisible-<field>` when nothing of
 *   it would show (U+3164, U+2800 and the like)
 */
export function cleanName(value: unknown, max: number, field = 'name'): string {
	if (typeof value !== 'string') {
		throw new ValidationError(`invalid-${field}`, `The ${field} must be text.`);
	}
	if (LONE_SURROGATE.test(value)) {
		throw new ValidationError(`malformed-${field}`, `The ${field} holds a broken character.`);
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
	if (rendersBlank(cleaned)) {
		throw new ValidationError(`invisible-${field}`, `The ${field} must have letters that show.`);
	}
	return cleaned;
}
