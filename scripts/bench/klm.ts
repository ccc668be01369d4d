/**
 * How long a person would take to write a lesson, estimated with the Keystroke-Level Model (Card,
 * Moran and Newell, 1980) from what they do: the user actions the authoring bench records in the
 * browser editor, and the edit that turns `lessons new`'s scaffold into the finished lesson.yaml.
 * Each estimate is split into CONTENT (composing and typing the texts a lesson needs whichever
 * way it is written: translation, meanings, prompts, choices, explanations) and STRUCTURE
 * (everything else: YAML syntax, keys, indentation, ids and quoted evidence, or clicks, choices
 * from lists and selections). Pure: no browser, no files.
 */
import { parse } from 'yaml';

/** Seconds per operator: an average typist, from Card, Moran and Newell. */
export const OPERATOR_SECONDS = { K: 0.28, P: 1.1, B: 0.1, H: 0.4, M: 1.35 } as const;

export type Operator = keyof typeof OPERATOR_SECONDS;
export type Operators = Record<Operator, number>;
export type Kind = 'content' | 'structure';

export const noOperators = (): Operators => ({ K: 0, P: 0, B: 0, H: 0, M: 0 });

/** The seconds `ops` take. */
export function seconds(ops: Operators): number {
	return (Object.keys(OPERATOR_SECONDS) as Operator[]).reduce(
		(sum, op) => sum + ops[op] * OPERATOR_SECONDS[op],
		0
	);
}

function add(into: Operators, ops: Partial<Operators>): void {
	for (const [op, n] of Object.entries(ops) as [Operator, number][]) into[op] += n;
}

/**
 * One thing a user does in the browser. `type`: characters typed into the focused field (content
 * when the text is the lesson's, structure for an id); `key`: presses of keys that type nothing
 * (Enter, arrows, Control+A); `click`: a button, checkbox or field (`decides` when it sets a
 * value, such as a right answer's box); `choose`: an option from a list (open it, pick);
 * `select`: words selected in a passage, by dragging the mouse or, with `presses`, by the
 * keyboard; `page`: a new page or step to find one's way in.
 */
export type Action =
	| { type: 'type'; kind: Kind; chars: number }
	| { type: 'key'; presses: number }
	| { type: 'click'; decides?: boolean }
	| { type: 'choose' }
	| { type: 'select'; presses?: number }
	| { type: 'page' };

export interface Estimate {
	content: Operators;
	structure: Operators;
}

/**
 * The operators for a run of browser actions. The rules, after Card et al.'s heuristics: every
 * typed field starts with an M (deciding what to write) and every character is a K; a click is
 * P (point) and BB (press, release), with an M when it decides a value; choosing from a list is
 * two clicks and an M (the decision); a selection is M (find the words), then P and B down, P and
 * B up for a drag, or a K a key press; a new page or step is an M.
 * H is counted whenever the hand moves between mouse and keyboard. Only content typing (its M and
 * its K) is content; the rest is structure.
 */
export function estimateActions(actions: readonly Action[]): Estimate {
	const content = noOperators();
	const structure = noOperators();
	let hand: 'mouse' | 'keyboard' = 'mouse';
	const use = (device: 'mouse' | 'keyboard') => {
		if (hand !== device) structure.H += 1;
		hand = device;
	};
	for (const action of actions) {
		switch (action.type) {
			case 'type':
				use('keyboard');
				add(action.kind === 'content' ? content : structure, { M: 1, K: action.chars });
				break;
			case 'key':
				use('keyboard');
				structure.K += action.presses;
				break;
			case 'click':
				use('mouse');
				add(structure, { P: 1, B: 2, M: action.decides ? 1 : 0 });
				break;
			case 'choose':
				use('mouse');
				add(structure, { M: 1, P: 2, B: 4 });
				break;
			case 'select':
				if (action.presses === undefined) {
					use('mouse');
					add(structure, { M: 1, P: 2, B: 2 });
				} else {
					use('keyboard');
					add(structure, { M: 1, K: action.presses });
				}
				break;
			case 'page':
				structure.M += 1;
				break;
		}
	}
	return { content, structure };
}

/** What one actions list holds, counted as the report gives it. */
export interface ActionCounts {
	clicks: number;
	chooses: number;
	selections: number;
	/** Every key press, those that selected evidence included. */
	keyPresses: number;
	/** The key presses that selected evidence. */
	selectionPresses: number;
	contentChars: number;
	structureChars: number;
	fields: number;
	pages: number;
}

export function countActions(actions: readonly Action[]): ActionCounts {
	const counts: ActionCounts = {
		clicks: 0,
		chooses: 0,
		selections: 0,
		keyPresses: 0,
		selectionPresses: 0,
		contentChars: 0,
		structureChars: 0,
		fields: 0,
		pages: 0
	};
	for (const action of actions) {
		if (action.type === 'click') counts.clicks++;
		else if (action.type === 'choose') counts.chooses++;
		else if (action.type === 'select') {
			counts.selections++;
			counts.keyPresses += action.presses ?? 0;
			counts.selectionPresses += action.presses ?? 0;
		} else if (action.type === 'key') counts.keyPresses += action.presses;
		else if (action.type === 'page') counts.pages++;
		else {
			counts.fields++;
			if (action.kind === 'content') counts.contentChars += action.chars;
			else counts.structureChars += action.chars;
		}
	}
	return counts;
}

/** The characters an edit from `before` to `after` typed and removed, by a line diff. */
export interface TextEdit {
	/** Characters of `after` that `before` did not have where they stand. */
	typed: number;
	/** Places edited: runs of changed lines, each reached once by pointing. */
	places: number;
	/** Whole lines removed, and the runs of text removed inside kept-but-changed lines. */
	linesRemoved: number;
	textsReplaced: number;
}

/** Characters by code point, as keys are pressed: an Arabic letter and its mark are two. */
const chars = (text: string) => [...text];

/**
 * The edit from `before` to `after`: lines matched by their longest common subsequence; within a
 * run of changed lines, each new line is paired with an old one in order, and only what lies
 * between their common start and common end counts as typed (changing `en: TODO` to `en: Forty`
 * types `Forty`); new lines beyond the old ones count whole, with their line break.
 */
export function textEdit(before: string, after: string): TextEdit {
	const a = before.split('\n');
	const b = after.split('\n');
	const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] =
				a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const edit: TextEdit = { typed: 0, places: 0, linesRemoved: 0, textsReplaced: 0 };
	let removed: string[] = [];
	let added: string[] = [];
	const flush = () => {
		if (removed.length === 0 && added.length === 0) return;
		edit.places++;
		for (const [k, line] of added.entries()) {
			const old = removed[k];
			if (old === undefined) {
				edit.typed += chars(line).length + 1;
				continue;
			}
			const [x, y] = [chars(old), chars(line)];
			let start = 0;
			while (start < x.length && start < y.length && x[start] === y[start]) start++;
			let end = 0;
			while (
				end < x.length - start &&
				end < y.length - start &&
				x[x.length - 1 - end] === y[y.length - 1 - end]
			) {
				end++;
			}
			edit.typed += y.length - start - end;
			if (x.length - start - end > 0) edit.textsReplaced++;
		}
		edit.linesRemoved += Math.max(0, removed.length - added.length);
		removed = [];
		added = [];
	};
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			flush();
			i++;
			j++;
		} else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
			added.push(b[j++]!);
		} else {
			removed.push(a[i++]!);
		}
	}
	flush();
	return edit;
}

/** The texts of a lesson that a person composes, and the choices and quotes it holds. */
export interface LessonParts {
	/** Every text to compose, in both ways alike, leaving out those the scaffold already had. */
	content: string[];
	/** Each question's two evidence quotes. */
	evidence: string[];
	/** Values picked from a fixed list: a question's type, skill and paragraph, an answer, a right choice, a part of speech, a level. */
	decisions: number;
}

type Node = Record<string, unknown>;
const strings = (value: unknown): string[] => {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
};

/** The parts of `lesson` (a lesson.yaml's text) beyond what `scaffold` (another) holds. */
export function lessonParts(lesson: string, scaffold: string): LessonParts {
	const file = parse(lesson) as Node;
	const before = parse(scaffold) as Node;
	const content: string[] = [];
	const fresh = (value: unknown, old: unknown) => {
		for (const text of strings(value)) if (!strings(old).includes(text)) content.push(text);
	};
	const title = file.title as Node;
	const oldTitle = before.title as Node;
	fresh(title.ar, oldTitle.ar);
	fresh(title.en, oldTitle.en);
	const publisher = (file.source as Node).publisher as Node;
	const oldPublisher = (before.source as Node).publisher as Node;
	fresh(publisher.ar, oldPublisher.ar);
	fresh(publisher.en, oldPublisher.en);
	fresh(file.summary, undefined);
	fresh(file.notes, undefined);
	content.push(...strings(file.paragraphs));
	let decisions = file.level === before.level ? 0 : 1;
	for (const entry of (file.glossary ?? []) as Node[]) {
		// The form as written is selected in the passage, the part of speech picked from a list.
		content.push(
			...Object.entries(entry)
				.filter(([key]) => key !== 'ar' && key !== 'pos')
				.flatMap(([, value]) => strings(value))
		);
		decisions++;
	}
	const evidence: string[] = [];
	const fixed = new Set(['id', 'type', 'skill', 'paragraph', 'evidence', 'evidence_en', 'answer']);
	for (const question of (file.questions ?? []) as Node[]) {
		evidence.push(String(question.evidence), String(question.evidence_en));
		decisions += 3;
		if (question.type === 'truefalse') decisions++;
		for (const [key, value] of Object.entries(question)) {
			if (fixed.has(key)) continue;
			if (key === 'choices') {
				for (const { correct, ...texts } of value as Node[]) {
					content.push(...strings(texts));
					if (correct === true) decisions++;
				}
			} else content.push(...strings(value));
		}
	}
	return { content, evidence, decisions };
}

/** What `lessons check` was asked and answered while the lesson was written by hand. */
export interface CheckRounds {
	rounds: number;
	errors: number;
}

/** The YAML way, its parts for the report and its estimate. */
export interface YamlEstimate extends Estimate {
	edit: TextEdit;
	contentChars: number;
	/** Characters typed that are not content: syntax, keys, indentation, ids, quotes. */
	structureChars: number;
	/** Of which the evidence quotes, typed rather than copied. */
	evidenceChars: number;
	/** Quotes copied from the article or the translation because that is quicker than typing them. */
	evidenceCopied: number;
}

/**
 * The operators of writing `lesson` over `scaffold` in a text editor. Content as in the browser:
 * an M and a K a character for each text. Structure: the rest of the characters typed (K each);
 * each place edited reached by mouse (H, P, BB, H back); each line removed a K, each scaffold
 * text replaced selected with a double click (P, BB, BB); each decision (a type, a skill, a
 * paragraph number, a right answer) an M; each evidence quote found (M), then typed or, when
 * quicker, copied (drag over it P B P B, Control+C, click at its place P BB, Control+V, with the
 * hand's moves); each `lessons check` run an M, up-arrow and Enter, and an M to read it; each
 * error it names an M and a click on its line.
 */
export function estimateYaml(lesson: string, scaffold: string, checks: CheckRounds): YamlEstimate {
	const edit = textEdit(scaffold, lesson);
	const parts = lessonParts(lesson, scaffold);
	const contentChars = parts.content.reduce((sum, text) => sum + chars(text).length, 0);
	const content = noOperators();
	add(content, { M: parts.content.length, K: contentChars });
	const structure = noOperators();
	const structureChars = edit.typed - contentChars;
	const copy: Partial<Operators> = { P: 3, B: 5, K: 4, H: 2 };
	let evidenceChars = 0;
	let evidenceCopied = 0;
	for (const quote of parts.evidence) {
		const length = chars(quote).length;
		structure.M += 1;
		if (seconds({ ...noOperators(), ...copy }) < length * OPERATOR_SECONDS.K) {
			add(structure, copy);
			evidenceCopied++;
		} else {
			structure.K += length;
			evidenceChars += length;
		}
	}
	const typedQuotes = parts.evidence.reduce((sum, quote) => sum + chars(quote).length, 0);
	add(structure, {
		K: structureChars - typedQuotes + edit.linesRemoved,
		H: 2 * edit.places,
		P: edit.places + edit.textsReplaced,
		B: 2 * edit.places + 4 * edit.textsReplaced,
		M: parts.decisions + 2 * checks.rounds + checks.errors
	});
	add(structure, { K: 2 * checks.rounds, P: checks.errors, B: 2 * checks.errors });
	return {
		content,
		structure,
		edit,
		contentChars,
		structureChars,
		evidenceChars,
		evidenceCopied
	};
}
