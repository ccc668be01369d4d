/**
 * The one rule for when two words count as the same word: typed answers are graded with it and
 * glossary entries are found in passages with it, so a student and an author see one behaviour.
 *
 * Words are compared after `normalise` (lenient): the same text, the same form once leading
 * clitics are stripped (والكتاب, الكتاب, كتاب), or a one-letter slip in a word long enough for a
 * slip to be a typo rather than another word.
 */
import { stems } from './tokenise';

/** A stem shorter than this gets no slip: كتاب and كلاب are two words. */
export const MIN_LETTERS_FOR_EDIT = 5;

const DIGIT = /\p{Nd}/u;

/** A normalised word with what the comparison needs, computed once. */
export interface WordForms {
	/** The word as normalised. */
	text: string;
	/**
	 * The word and its forms without leading clitics (`stems`) or an accusative alef; empty for an
	 * empty word.
	 */
	forms: readonly string[];
	/** The letters (code points) of the shortest form, the stem a slip is measured on. */
	stemLetters: readonly string[];
	/** Whether the stem holds a digit: numbers never get a slip (1000 is not 10000). */
	digit: boolean;
}

/**
 * How two words compare, best first: `exact` (the same normalised text), `form` (the same form
 * through clitics), `near` (one letter apart), or null.
 */
export type WordMatch = 'exact' | 'form' | 'near' | null;

function shortest(forms: readonly string[]): string {
	return forms.reduce((best, form) => ([...form].length < [...best].length ? form : best));
}

// The accusative ending (قراراً, عاماً) is an alef once the tanween is gone: a spelling of the
// same word, like a clitic. Only where three letters remain, so هذا or أنا keep their alef.
const ACCUSATIVE = 'ا';
const MIN_LETTERS_WITHOUT_ACCUSATIVE = 3;

function withoutAccusative(forms: string[]): string[] {
	const more = [...forms];
	for (const form of forms) {
		const bare = form.slice(0, -1);
		if (
			form.endsWith(ACCUSATIVE) &&
			[...bare].length >= MIN_LETTERS_WITHOUT_ACCUSATIVE &&
			!more.includes(bare)
		) {
			more.push(bare);
		}
	}
	return more;
}

/** What `compareWords` needs of one normalised word. */
export function wordForms(normalisedWord: string): WordForms {
	const forms = withoutAccusative(stems(normalisedWord));
	const stem = forms.length > 0 ? shortest(forms) : '';
	return { text: normalisedWord, forms, stemLetters: [...stem], digit: DIGIT.test(stem) };
}

/** Whether two letter sequences differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(left: readonly string[], right: readonly string[]): boolean {
	if (Math.abs(left.length - right.length) > 1) return false;
	const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < shorter.length && j < longer.length) {
		if (shorter[i] === longer[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		// Same length: a substitution. Otherwise the longer word has an extra letter here.
		if (shorter.length === longer.length) i++;
		j++;
	}
	return edits + (longer.length - j) <= 1;
}

/**
 * Whether a word may be matched with a slip at all: the reference word (the accepted answer's,
 * the glossary entry's) decides, since it is the one whose length makes a slip a typo.
 */
export function allowsSlip(reference: WordForms): boolean {
	return (
		reference.forms.length > 0 &&
		reference.stemLetters.length >= MIN_LETTERS_FOR_EDIT &&
		!reference.digit
	);
}

// Teh marbuta (ه once normalised) ending a word is a suffix of its own, not a letter a hand slips
// on: المحافظ is the governor, المحافظة the province.
const FEMININE = 'ه';

/** Whether one stem is the other with a feminine ending. */
function feminineOf(a: readonly string[], b: readonly string[]): boolean {
	const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
	return (
		longer.length === shorter.length + 1 &&
		longer[longer.length - 1] === FEMININE &&
		shorter.every((letter, i) => longer[i] === letter)
	);
}

/**
 * Whether two words, neither the same nor sharing a form, are one letter apart: a slip, unless
 * that letter is the feminine ending, which makes another word.
 */
export function isSlip(word: WordForms, reference: WordForms): boolean {
	return (
		allowsSlip(reference) &&
		word.forms.length > 0 &&
		!word.digit &&
		withinOneEdit(word.stemLetters, reference.stemLetters) &&
		!feminineOf(word.stemLetters, reference.stemLetters)
	);
}

function sharesForm(a: readonly string[], b: readonly string[]): boolean {
	for (const form of a) if (b.includes(form)) return true;
	return false;
}

/**
 * Compares a word with a reference word (an accepted answer's, a glossary entry's).
 *
 * @param allowSlip whether a one-letter slip may count (`near`)
 */
export function compareWords(word: WordForms, reference: WordForms, allowSlip = true): WordMatch {
	if (word.text === reference.text && word.text !== '') return 'exact';
	if (sharesForm(word.forms, reference.forms)) return 'form';
	return allowSlip && isSlip(word, reference) ? 'near' : null;
}
