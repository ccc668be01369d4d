/**
 * The lesson format's fixed vocabulary. Kept apart from the schema so that the app's pages can
 * use it without bundling the schema, the YAML parser or the compiler.
 */
export const SKILLS = [
	'main-idea',
	'detail',
	'vocabulary',
	'inference',
	'sequence',
	'fact-opinion',
	'purpose',
	'reference'
] as const;

export const QUESTION_TYPES = [
	'choice',
	'multi',
	'truefalse',
	'short',
	'order',
	'match',
	'cloze',
	'evidence'
] as const;

export const GENRES = ['opinion', 'news', 'feature', 'interview', 'report'] as const;

export const LEVELS = ['A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** A glossary entry's part of speech. */
export const PARTS_OF_SPEECH = [
	'noun',
	'verb',
	'adjective',
	'adverb',
	'phrase',
	'name',
	'particle'
] as const;

/** Marks an unfinished part of a scaffolded lesson; a lesson that still holds one does not compile. */
export const TODO = 'TODO';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The gap marker inside a cloze text. */
export const GAP = '___';
