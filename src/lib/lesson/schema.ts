/**
 * The lesson file format (`lessons/<id>/lesson.yaml`), defined once with valibot so the checks
 * and the TypeScript types cannot drift apart. Every object is strict: an unknown field is an
 * error, because a misspelt key would otherwise be silently ignored.
 */
import * as v from 'valibot';
import { GENRES, ID_PATTERN, LEVELS, PARTS_OF_SPEECH, SKILLS } from './constants';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const id = v.pipe(
	v.string(),
	v.regex(ID_PATTERN, 'must be lowercase letters, digits and single hyphens'),
	v.maxLength(64, 'must be at most 64 characters')
);

/** A text in both languages. */
export const Bilingual = v.strictObject({ ar: text, en: text });
export type Bilingual = v.InferOutput<typeof Bilingual>;

const Choice = v.strictObject({ ar: text, en: text, correct: v.optional(v.boolean()) });

const Source = v.strictObject({
	publisher: Bilingual,
	date: v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD')),
	genre: v.picklist(GENRES),
	// A web page: never a javascript: or data: URL, should it ever become a link.
	url: v.optional(
		v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'must be an http:// or https:// address'))
	),
	original: v.optional(
		v.strictObject({
			publisher: text,
			date: v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD')),
			translator: v.optional(Bilingual)
		})
	)
});

const base = {
	id,
	skill: v.picklist(SKILLS),
	/** Index of the paragraph (from 0) that holds the evidence. */
	paragraph: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** The exact words of the Arabic paragraph that prove the answer. */
	evidence: text,
	/** The same evidence in the English translation of that paragraph. */
	evidence_en: text,
	prompt: Bilingual,
	explain: Bilingual
};

const ChoiceQuestion = v.strictObject({
	...base,
	type: v.literal('choice'),
	choices: v.pipe(v.array(Choice), v.minLength(2, 'needs at least 2 choices'))
});

const MultiQuestion = v.strictObject({
	...base,
	type: v.literal('multi'),
	choices: v.pipe(v.array(Choice), v.minLength(3, 'needs at least 3 choices'))
});

const TrueFalseQuestion = v.strictObject({
	...base,
	type: v.literal('truefalse'),
	answer: v.picklist(['true', 'false', 'not-given'])
});

/** Words or phrases per language, for a short question's `must` and `may`. */
const WordLists = v.strictObject({
	ar: v.optional(v.pipe(v.array(text), v.minLength(1, 'needs at least one word'))),
	en: v.optional(v.pipe(v.array(text), v.minLength(1, 'needs at least one word')))
});

const ShortQuestion = v.strictObject({
	...base,
	type: v.literal('short'),
	/**
	 * Accepted answers per reading language; the first of each is the canonical one. An answer in
	 * either language is graded against both (see src/lib/quiz/short.ts).
	 */
	answers: v.strictObject({
		ar: v.pipe(v.array(text), v.minLength(1, 'needs at least one accepted answer')),
		en: v.pipe(v.array(text), v.minLength(1, 'needs at least one accepted answer'))
	}),
	/**
	 * What a right answer must hold, in one language: every entry, each a word or phrase, with
	 * alternatives split by `|` ("airport|airfield"). An answer with all of one language's entries
	 * is right as long as its other words are `may` words, words of the accepted answers, or
	 * hedges, units and framing.
	 */
	must: v.optional(WordLists),
	/** Words a right answer may add to an accepted answer or to the `must` words. */
	may: v.optional(WordLists)
});

const OrderQuestion = v.strictObject({
	...base,
	type: v.literal('order'),
	/** Listed in the right order; the app shuffles them. */
	items: v.pipe(v.array(Bilingual), v.minLength(3, 'needs at least 3 items'))
});

const MatchQuestion = v.strictObject({
	...base,
	type: v.literal('match'),
	pairs: v.pipe(
		v.array(v.strictObject({ left: Bilingual, right: Bilingual })),
		v.minLength(3, 'needs at least 3 pairs')
	)
});

const ClozeQuestion = v.strictObject({
	...base,
	type: v.literal('cloze'),
	/** A sentence in each language with one `___` per gap. */
	text: Bilingual,
	/** The right word for each gap, in order. */
	gaps: v.pipe(v.array(Bilingual), v.minLength(1, 'needs at least one gap')),
	/** Extra words in the bank that fill no gap. */
	distractors: v.optional(v.array(Bilingual), [])
});

const EvidenceQuestion = v.strictObject({
	...base,
	type: v.literal('evidence')
});

export const Question = v.variant('type', [
	ChoiceQuestion,
	MultiQuestion,
	TrueFalseQuestion,
	ShortQuestion,
	OrderQuestion,
	MatchQuestion,
	ClozeQuestion,
	EvidenceQuestion
]);

export const GlossaryEntry = v.strictObject({
	/** The word or phrase as it appears in the article. */
	ar: text,
	/** Dictionary form. */
	lemma: text,
	root: v.optional(text),
	pos: v.picklist(PARTS_OF_SPEECH),
	en: text,
	note: v.optional(Bilingual)
});

export const LessonFile = v.strictObject({
	id,
	title: Bilingual,
	summary: v.optional(Bilingual),
	source: Source,
	level: v.optional(v.picklist(LEVELS)),
	notes: v.optional(v.array(Bilingual), []),
	paragraphs: v.pipe(
		v.array(v.strictObject({ en: text })),
		v.minLength(1, 'needs at least one paragraph')
	),
	glossary: v.optional(v.array(GlossaryEntry), []),
	questions: v.optional(v.array(Question), [])
});

export type LessonFile = v.InferOutput<typeof LessonFile>;
export type Question = v.InferOutput<typeof Question>;
export type QuestionType = Question['type'];
export type Skill = (typeof SKILLS)[number];
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntry>;
