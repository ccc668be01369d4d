/**
 * Grading a typed (`short`) answer as a fair reader would, the same on the phone and the server.
 *
 * An answer is right when it holds the key words of one accepted answer, in order, or every entry
 * of one language's `must` list, and nothing else but words the lesson allows (its other accepted
 * answers' words and its `may` words) and words that never count: hedges ("about", «حوالي»),
 * units ("km", «كم», "years"), framing ("it refers to", «يعود إلى», "aged") and articles.
 * Numbers are compared as numbers, however written, and a number the key does not hold is never
 * allowed. Either language's answers count, whichever language the student reads in.
 */
import type { Question } from '$lib/lesson/schema';
import { compareWords, wordForms, type WordForms } from '$lib/text/fuzzy';
import { normalise } from '$lib/text/normalise';
import { readNumbers } from '$lib/text/numbers';

type ShortQuestion = Extract<Question, { type: 'short' }>;

/** A word ready to compare, or a number as a canonical decimal string. */
type Item = { kind: 'word'; word: WordForms } | { kind: 'number'; value: string };

function itemsOf(text: string): Item[] {
	return readNumbers(text).map((piece) =>
		piece.kind === 'word' ? { kind: 'word', word: wordForms(piece.text) } : piece
	);
}

// Words and phrases that never count against an answer, in both languages. Each is compared as a
// whole word after normalisation, also through clitics (بحوالي, والكيلومترات), never with a slip.
// A phrase counts only where all its words stand together, so «ما» alone (which may negate) is
// not ignored, only «ما يقارب».
const HEDGES = [
	'about',
	'around',
	'approximately',
	'approx',
	'roughly',
	'nearly',
	'almost',
	'some',
	'circa',
	'ca',
	'estimated',
	'close to',
	'or so',
	'more or less',
	'حوالي',
	'حوالى',
	'نحو',
	'تقريبا',
	'تقريباً',
	'قرابة',
	'زهاء',
	'ما يقارب',
	'يقارب',
	'ما يقرب من',
	'يقرب من',
	'في حدود',
	'بحدود'
];

const FRAMING = [
	'the',
	'a',
	'an',
	'al',
	'el',
	// Possessive 's, once the apostrophe is gone.
	's',
	'it',
	'it refers to',
	'refers to',
	'it refers back to',
	'refers back to',
	'refer to',
	'it means',
	'means',
	'it is',
	'its',
	'this is',
	'that is',
	'the answer is',
	'answer',
	'he is',
	'she is',
	'they are',
	'is',
	'was',
	'are',
	'were',
	'in',
	'in the year',
	'year',
	'aged',
	'age',
	'at the age of',
	'of age',
	'old',
	'ad',
	'a d',
	'ce',
	'c e',
	'يعود إلى',
	'يعود على',
	'تعود إلى',
	'يعود',
	'تعود',
	'يشير إلى',
	'تشير إلى',
	'المقصود',
	'المقصود به',
	'يقصد به',
	'الضمير يعود إلى',
	'هو',
	'هي',
	'هم',
	'الجواب',
	'الإجابة',
	'في',
	'عام',
	'سنة',
	'عمره',
	'عمرها',
	'العمر',
	'من العمر',
	'يبلغ',
	'بلغ',
	'م',
	'ميلادي',
	'ميلادية',
	'للميلاد'
];

const UNITS = [
	'km',
	'kms',
	'kilometre',
	'kilometres',
	'kilometer',
	'kilometers',
	'kilo',
	'kilos',
	'm',
	'metre',
	'metres',
	'meter',
	'meters',
	'mile',
	'miles',
	'kg',
	'kilogram',
	'kilograms',
	'years',
	'yr',
	'yrs',
	'month',
	'months',
	'per',
	'week',
	'weeks',
	'day',
	'days',
	'hour',
	'hours',
	'minute',
	'minutes',
	'percent',
	'per cent',
	'كم',
	'كلم',
	'كيلو',
	'كيلومتر',
	'كيلومترا',
	'كيلومترات',
	'كيلو متر',
	'متر',
	'مترا',
	'أمتار',
	'ميل',
	'أميال',
	'كغ',
	'كيلوغرام',
	'عاما',
	'أعوام',
	'سنوات',
	'سنين',
	'شهر',
	'أشهر',
	'شهور',
	'شهريا',
	'يوم',
	'أيام',
	'يوميا',
	'ساعة',
	'ساعات',
	'دقيقة',
	'دقائق',
	'بالمئة',
	'بالمائة',
	'في المئة',
	'في المائة'
];

const IGNORED: Item[][] = [...HEDGES, ...FRAMING, ...UNITS].map(itemsOf);

function sameItem(typed: Item, key: Item, allowSlip = true): boolean {
	if (typed.kind === 'number' || key.kind === 'number') {
		return typed.kind === 'number' && key.kind === 'number' && typed.value === key.value;
	}
	return compareWords(typed.word, key.word, allowSlip) !== null;
}

/** Which items stand in a hedge, unit or framing phrase. */
function ignoredMask(items: readonly Item[]): boolean[] {
	const mask = items.map(() => false);
	for (const phrase of IGNORED) {
		for (let start = 0; start + phrase.length <= items.length; start++) {
			if (phrase.every((word, i) => sameItem(items[start + i]!, word, false))) {
				for (let i = 0; i < phrase.length; i++) mask[start + i] = true;
			}
		}
	}
	return mask;
}

// A lesson's keys are read again at every check and every re-grade on the server: remembered per
// text, and bounded by starting over when full.
const KEY_CACHE_LIMIT = 2048;
const keyCache = new Map<string, Item[]>();

/** The items of a key that count: all but hedges, units and framing, unless that leaves none. */
function keyItems(text: string): Item[] {
	let kept = keyCache.get(text);
	if (kept === undefined) {
		const items = itemsOf(text);
		const mask = ignoredMask(items);
		kept = items.filter((_, i) => !mask[i]);
		if (kept.length === 0) kept = items;
		if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
		keyCache.set(text, kept);
	}
	return kept;
}

/** One way to be right: entries that must all be found, each one of its alternatives in order. */
type Requirement = Item[][][];

/** What a question accepts, read once per grading. */
interface ShortKey {
	requirements: Requirement[];
	/** Words an answer may add to a requirement's. */
	extraWords: Item[];
	/** Numbers an answer may add (only `may` numbers: a stray number is a different answer). */
	extraNumbers: Set<string>;
	/** Accepted answers without digits, spaces removed, for names typed with other spacing. */
	joined: string[];
}

const LANGS = ['ar', 'en'] as const;

const alternatives = (entry: string) =>
	entry
		.split('|')
		.map((alternative) => alternative.trim())
		.filter((alternative) => alternative !== '');

const DIGIT = /\p{Nd}/u;

/** A text without spaces, or null when it holds digits (which spacing may not join). */
function spacingFree(text: string): string | null {
	const joined = normalise(text, { lenient: true }).replaceAll(' ', '');
	return joined === '' || DIGIT.test(joined) ? null : joined;
}

function shortKey(
	answers: readonly string[],
	must: { ar?: string[]; en?: string[] } = {},
	may: { ar?: string[]; en?: string[] } = {}
): ShortKey {
	const requirements: Requirement[] = answers.map((answer) => [[keyItems(answer)]]);
	for (const lang of LANGS) {
		const entries = must[lang];
		if (entries !== undefined) {
			requirements.push(entries.map((entry) => alternatives(entry).map(keyItems)));
		}
	}
	const words = [
		...answers,
		...LANGS.flatMap((lang) => [...(must[lang] ?? []), ...(may[lang] ?? [])])
	]
		.flatMap(alternatives)
		.flatMap(itemsOf);
	const mayNumbers = LANGS.flatMap((lang) => may[lang] ?? [])
		.flatMap(itemsOf)
		.flatMap((item) => (item.kind === 'number' ? [item.value] : []));
	return {
		requirements: requirements.filter((requirement) =>
			requirement.every((entry) => entry.some((items) => items.length > 0))
		),
		extraWords: words.filter((item) => item.kind === 'word'),
		extraNumbers: new Set(mayNumbers),
		joined: answers.flatMap((answer) => spacingFree(answer) ?? [])
	};
}

/** Marks the typed items that match `wanted` in order, from the left; false when some is missing. */
function findInOrder(typed: readonly Item[], wanted: readonly Item[], used: boolean[]): boolean {
	let from = 0;
	for (const item of wanted) {
		let at = from;
		while (at < typed.length && (used[at] || !sameItem(typed[at]!, item))) at++;
		if (at >= typed.length) return false;
		used[at] = true;
		from = at + 1;
	}
	return true;
}

function meets(
	typed: readonly Item[],
	ignored: readonly boolean[],
	requirement: Requirement,
	key: ShortKey
): boolean {
	let used = typed.map(() => false);
	for (const entry of requirement) {
		const found = entry.some((items) => {
			const trial = [...used];
			if (items.length === 0 || !findInOrder(typed, items, trial)) return false;
			used = trial;
			return true;
		});
		if (!found) return false;
	}
	return typed.every((item, i) => {
		if (used[i]) return true;
		if (item.kind === 'number') return key.extraNumbers.has(item.value);
		return ignored[i] || key.extraWords.some((word) => sameItem(item, word));
	});
}

function matchesKey(text: string, key: ShortKey): boolean {
	const typed = itemsOf(text);
	if (typed.length === 0) return false;
	const ignored = ignoredMask(typed);
	if (key.requirements.some((requirement) => meets(typed, ignored, requirement, key))) return true;
	// Spacing alone may differ in names (عبد الله, عبدالله) when no digits are involved, since
	// "1.5" and "15" differ only by a space once punctuation is gone.
	const joined = spacingFree(text);
	return joined !== null && key.joined.includes(joined);
}

/**
 * Whether a typed answer is right for a short question, by the rule in this module's header:
 * against the accepted answers and the `must` lists of both languages.
 */
export function matchesShort(question: ShortQuestion, text: string): boolean {
	let key = keys.get(question);
	if (key === undefined) {
		const answers = [...question.answers.ar, ...question.answers.en];
		key = shortKey(answers, question.must, question.may);
		keys.set(question, key);
	}
	return matchesKey(text, key);
}

// Questions are not changed once compiled; a key is read once per question object.
const keys = new WeakMap<ShortQuestion, ShortKey>();

/** Whether a typed answer matches one accepted answer, by the same rule. */
export function matchesAnswer(typed: string, accepted: string): boolean {
	return matchesKey(typed, shortKey([accepted]));
}

/** A problem with a short question's key, for the lesson compiler. */
export interface ShortKeyProblem {
	path: (string | number)[];
	message: string;
}

/**
 * What is wrong with a short question's key: an accepted answer or a `must` or `may` entry with
 * no word or number in it, or a `must` entry the canonical answer in its language does not hold
 * (a misspelt must word would fail every student).
 */
export function shortKeyProblems(question: ShortQuestion): ShortKeyProblem[] {
	const problems: ShortKeyProblem[] = [];
	for (const lang of LANGS) {
		question.answers[lang].forEach((answer, i) => {
			if (itemsOf(answer).length === 0) {
				problems.push({ path: ['answers', lang, i], message: `answers.${lang}[${i}] has no word` });
			}
		});
		for (const field of ['must', 'may'] as const) {
			question[field]?.[lang]?.forEach((entry, i) => {
				const choices = entry.split('|');
				if (choices.some((choice) => itemsOf(choice).length === 0)) {
					problems.push({
						path: [field, lang, i],
						message: `${field}.${lang}[${i}] "${entry}" has an alternative with no word`
					});
				}
			});
		}
		const canonical = question.answers[lang][0] ?? '';
		question.must?.[lang]?.forEach((entry, i) => {
			const typed = itemsOf(canonical);
			const found = alternatives(entry).some((choice) =>
				findInOrder(
					typed,
					keyItems(choice),
					typed.map(() => false)
				)
			);
			if (!found) {
				problems.push({
					path: ['must', lang, i],
					message: `must.${lang}[${i}] "${entry}" is not in the canonical answer "${canonical}"`
				});
			}
		});
	}
	return problems;
}
