/**
 * Arabic text normalisation for comparing what a student typed with what a lesson expects.
 * The same function runs on the phone and on the server, so it must stay pure and deterministic:
 * no locale-dependent calls, no dependencies.
 */

/**
 * One bidi or zero-width control character: ALM, ZWSP, ZWNJ, ZWJ, LRM, RLM, the embeddings and
 * overrides, the isolates and the BOM. Not global, so `test` carries no `lastIndex` state between
 * calls.
 */
export const BIDI_CONTROLS: RegExp = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// C0 controls except tab, line feed and carriage return, plus DEL and C1: none of them belongs in
// typed text or lesson content, and NUL in particular breaks storage layers.
function isControlCode(code: number): boolean {
	if (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN) return false;
	return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

const TATWEEL = /\u0640/g;

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;
const ALEF_MAKSURA = /\u0649/g;
const TEH_MARBUTA = /\u0629/g;
const WAW_HAMZA = /\u0624/g;
const YEH_HAMZA = /\u0626/g;

const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;

// Every Unicode punctuation mark: this covers the Arabic ، ؛ ؟ ٪ ٫ ٬ ۔ as well as ASCII
// punctuation, dashes, brackets and all the quote styles the source articles mix (“ ” « » " ').
const PUNCTUATION = /\p{P}/gu;

const WHITESPACE_RUN = /\s+/g;

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII digits; nothing else changes. */
export function westernDigits(text: string): string {
	return text
		.replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

/**
 * Normalises Arabic (and incidental Latin) text so that two spellings a reader would accept as the
 * same compare equal: NFKC, no bidi controls, no tatweel, no tashkeel, one alef, ى → ي, ة → ه,
 * ASCII digits, punctuation as spaces, single spaces, trimmed, lower case.
 *
 * Idempotent: `normalise(normalise(x)) === normalise(x)` for any string, with or without
 * `lenient`.
 *
 * @param text any string, possibly with diacritics, controls or presentation forms
 * @param options.lenient also fold ؤ → و and ئ → ي (forgiving hamza seats in typed answers)
 * @returns the normalised string; empty when `text` holds nothing but marks, controls and
 *   punctuation
 */
export function normalise(text: string, options: { lenient?: boolean } = {}): string {
	let result = text
		.normalize('NFKC')
		.replace(BIDI_CONTROLS_ALL, '')
		.replace(TATWEEL, '')
		.replace(TASHKEEL, '')
		.replace(ALEF_FORMS, 'ا')
		.replace(ALEF_MAKSURA, 'ي')
		.replace(TEH_MARBUTA, 'ه');
	if (options.lenient) {
		result = result.replace(WAW_HAMZA, 'و').replace(YEH_HAMZA, 'ي');
	}
	return (
		westernDigits(result)
			.replace(PUNCTUATION, ' ')
			.toLowerCase()
			// Removing a control or a mark can leave a Latin letter next to a combining accent
			// that NFKC would now compose; composing again keeps the function idempotent. No
			// Arabic composition can happen here because the hamza and madda marks are gone.
			.normalize('NFKC')
			.replace(WHITESPACE_RUN, ' ')
			.trim()
	);
}

/**
 * Finds the first character that must not appear in typed answers or lesson text: a bidi or
 * zero-width control, NUL or another C0 control (tab, line feed and carriage return are allowed),
 * DEL or a C1 control.
 *
 * @returns the UTF-16 index of that character, or -1 when the text is clean
 */
export function findControlCharacter(text: string): number {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isControlCode(code) || isBidiControl(code)) return index;
	}
	return -1;
}

// BIDI_CONTROLS as code ranges: the compiler checks every character of every lesson file, and a
// regular expression per character made that the slowest part of a compile.
function isBidiControl(code: number): boolean {
	return (
		code === 0x061c ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		code === 0xfeff
	);
}
