/**
 * The authoring bench (issue 16's note): one lesson of five paragraphs, five glossary entries and
 * ten questions of all eight types, written two ways. By hand: `lessons new`'s scaffold of the
 * article, edited into tests/fixtures/lessons/valid/solar-school/lesson.yaml (the characters that
 * edit types, from the two files). In the browser: the same lesson written in the editor of the
 * production server by Chromium acting only as a person does (clicks, typing, choices from lists,
 * selections made with the mouse or the keyboard, key presses), every action recorded, until it
 * publishes; the published files must compile to the same lesson as the hand-written ones. Both
 * are turned into a person's time with the Keystroke-Level Model (./klm.ts), content apart from
 * structure.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, request, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { compileLesson, scaffoldLesson, type Lesson } from '../../src/lib/lesson';
import { CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { tx } from '../../tests/e2e/i18n';
import { figure, type Figure } from './figures';
import {
	countActions,
	estimateActions,
	estimateYaml,
	seconds,
	type Action,
	type ActionCounts,
	type Estimate,
	type Kind,
	type YamlEstimate
} from './klm';

const SOURCE = 'tests/fixtures/articles/solar-school.txt';
const LESSON_DIR = 'tests/fixtures/lessons/valid/solar-school';

/**
 * The hand-written lesson as it was made (18:29:19 to 18:29:43 UTC on 6 December 2026): one
 * `lessons check` round, which passed with no error. The wall-clock is the writer's, a language
 * model's; a person's time is the estimate.
 */
export const BY_HAND = { rounds: 1, errors: 0, wallMs: 24_000 } as const;

export interface AuthoringRun {
	yaml: YamlEstimate & { contentSeconds: number; structureSeconds: number };
	browser: {
		counts: ActionCounts;
		estimate: Estimate;
		contentSeconds: number;
		structureSeconds: number;
		/** The scripted run, from the lessons page to the lesson published. */
		wallMs: number;
		/** Glossary selections made again, and forms typed after three missed (see Author). */
		reselections: number;
		typedForms: number;
	};
}

/** The lesson files compiled, without the version (a hash of the bytes, which differ). */
function compiled(article: string, yaml: string): Omit<Lesson, 'version'> {
	const result = compileLesson({
		yamlPath: 'lesson.yaml',
		yaml,
		articlePath: 'article.ar.txt',
		article
	});
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	const lesson: Partial<Lesson> = { ...result.lesson };
	delete lesson.version;
	return lesson as Omit<Lesson, 'version'>;
}

/** A person at the editor: each of their actions done in Chromium and recorded. */
class Author {
	readonly actions: Action[] = [];
	/** Glossary selections made again because the first did not take the words meant. */
	reselections = 0;
	/** Glossary forms typed in the box after three selections missed. */
	typedForms = 0;
	constructor(readonly page: Page) {}

	t = (key: string, values?: Record<string, string | number>) => tx('en', key, values);
	label = (key: string, values?: Record<string, string | number>) =>
		this.page.getByLabel(this.t(key, values), { exact: true });
	button = (key: string, values?: Record<string, string | number>) =>
		this.page.getByRole('button', { name: this.t(key, values), exact: true });

	async click(target: Locator, decides = false) {
		await target.click();
		this.actions.push({ type: 'click', decides });
	}

	async press(key: string) {
		await this.page.keyboard.press(key);
		this.actions.push({ type: 'key', presses: 1 });
	}

	/** Clicks `field` (unless it has the focus already), empties it if asked, and types `text`. */
	async type(field: Locator | null, text: string, kind: Kind, replace = false) {
		if (field) await this.click(field);
		if (replace) await this.press('Control+A');
		await this.page.keyboard.type(text);
		this.actions.push({ type: 'type', kind, chars: [...text].length });
	}

	/** Types the lines of a list, one a line, Enter between them. */
	async typeLines(field: Locator, lines: readonly string[]) {
		for (const [i, line] of lines.entries()) {
			if (i > 0) await this.press('Enter');
			await this.type(i === 0 ? field : null, line, 'content');
		}
	}

	async choose(list: Locator, option: string | { label: string }) {
		await list.selectOption(option);
		this.actions.push({ type: 'choose' });
	}

	page_() {
		this.actions.push({ type: 'page' });
	}

	/**
	 * Selects `quote` in question `n`'s paragraph in `lang` with the keyboard, as the editor
	 * teaches: the caret a word at a time to where it starts, then Shift with it to where it ends,
	 * then Enter.
	 */
	async evidence(n: number, lang: 'ar' | 'en', quote: string) {
		const suffix = lang === 'ar' ? 'Ar' : 'En';
		await this.click(this.button(`author.evidence.choose${suffix}`, { n }));
		const box = this.page.getByRole('textbox', {
			name: this.t(`author.evidence.passage${suffix}`, { n })
		});
		const state = () =>
			box.evaluate((element: HTMLTextAreaElement) => ({
				value: element.value,
				start: element.selectionStart,
				end: element.selectionEnd
			}));
		const { value } = await state();
		const from = value.indexOf(quote);
		if (from < 0) throw new Error(`"${quote}" is not in question ${n}'s paragraph`);
		const to = from + quote.length;
		const forward = lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
		const back = lang === 'ar' ? 'ArrowRight' : 'ArrowLeft';
		let presses = 0;
		const key = async (name: string) => {
			await this.page.keyboard.press(name);
			presses++;
		};
		await key('Control+Home');
		while ((await state()).end < from) await key(`Control+${forward}`);
		if ((await state()).end > from) await key(`Control+${back}`);
		while ((await state()).end < to) await key(`Control+Shift+${forward}`);
		await key('Enter');
		this.actions.push({ type: 'select', presses });
		const mark = this.page
			.getByRole('group', { name: this.t(`author.evidence.label${suffix}`, { n }) })
			.locator('mark');
		await mark.first().waitFor();
		const marked = await mark.first().textContent();
		if (marked !== quote) {
			throw new Error(`question ${n}'s ${lang} evidence is "${marked}", not "${quote}"`);
		}
	}

	/**
	 * Selects `words` in the glossary's passage with the mouse: a drag from the middle of the
	 * first word to the middle of the last (the editor widens it to whole words), or a double click
	 * on a single word.
	 */
	async selectWords(paragraph: number, words: string) {
		// Scrolled to first, as a person scrolls to the words they want (scrolling is not counted).
		await this.page
			.getByRole('group', { name: this.t('author.glossary.passage') })
			.locator(`[data-paragraph="${paragraph}"]`)
			.scrollIntoViewIfNeeded();
		const locate = () =>
			this.page.evaluate(
				({ paragraph, words }) => {
					const root = document.querySelector(`[data-paragraph="${paragraph}"]`)!;
					const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
					const nodes: Text[] = [];
					for (let node = walker.nextNode(); node; node = walker.nextNode())
						nodes.push(node as Text);
					const at = nodes
						.map((node) => node.data)
						.join('')
						.indexOf(words);
					if (at < 0) return null;
					// The middle of the first word and of the last: the editor takes whole words.
					const [first, last] = [words.split(' ')[0]!, words.split(' ').at(-1)!];
					const points: { x: number; y: number }[] = [];
					for (const [from, length] of [
						[at, first.length],
						[at + words.length - last.length, last.length]
					]) {
						let rest = from!;
						for (const node of nodes) {
							if (rest < node.data.length) {
								const range = document.createRange();
								range.setStart(node, rest);
								range.setEnd(node, Math.min(node.data.length, rest + length!));
								const box = range.getBoundingClientRect();
								points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
								break;
							}
							rest -= node.data.length;
						}
					}
					return points;
				},
				{ paragraph, words }
			);
		// Where the words are once the page stops moving (it may still be scrolling, or laying out
		// what the last action changed), as a person's eye waits for it.
		const steady = async () => {
			let before = JSON.stringify(await locate());
			for (let tries = 0; tries < 50; tries++) {
				await this.page.waitForTimeout(100);
				const now = JSON.stringify(await locate());
				if (now === before) break;
				before = now;
			}
			return JSON.parse(before) as { x: number; y: number }[] | null;
		};
		const [start, end] = (await steady()) ?? [];
		if (!start || !end) throw new Error(`"${words}" is not in paragraph ${paragraph}`);
		if (words.includes(' ')) {
			await this.page.mouse.move(start.x, start.y);
			await this.page.mouse.down();
			// Where the last word is once the first is selected: the editor may have moved it.
			const [, moved] = (await steady()) ?? [];
			await this.page.mouse.move(moved!.x, moved!.y, { steps: 8 });
			await this.page.mouse.up();
		} else {
			await this.page.mouse.dblclick(start.x, start.y);
		}
		this.actions.push({ type: 'select' });
	}
}

type Node = Record<string, unknown>;
type Pair = { left: Node; right: Node };

/** Writes question `n` (from 1) of the lesson file, `question`, into the editor. */
async function writeQuestion(author: Author, n: number, question: Node, previousType: string) {
	const { page } = author;
	const field = (key: string, m = 0) => author.label(`author.q.${key}`, { n, m });
	const bi = (value: unknown) => value as { ar: string; en: string };
	const type = String(question.type);
	if (type !== previousType) {
		await author.choose(author.label('author.questions.type'), type);
	}
	await author.click(author.button('author.questions.add'));
	await page
		.locator('.questions > li')
		.nth(n - 1)
		.waitFor();
	await author.type(field('id'), String(question.id), 'structure', true);
	const defaultSkill = { order: 'sequence', cloze: 'vocabulary' }[type] ?? 'detail';
	if (question.skill !== defaultSkill) await author.choose(field('skill'), String(question.skill));
	const paragraph = Number(question.paragraph);
	if (paragraph !== 0) {
		await author.choose(field('paragraph'), {
			label: author.t('author.paragraph', { n: paragraph + 1 })
		});
	}
	await author.type(field('promptAr'), bi(question.prompt).ar, 'content');
	await author.type(field('promptEn'), bi(question.prompt).en, 'content');
	/** Fills list rows `m` = 1… of `stem` from `rows`, adding rows beyond the `have` a new question has. */
	const rows = async <T>(
		items: readonly T[],
		have: number,
		addKey: string,
		fill: (item: T, m: number) => Promise<void>
	) => {
		for (const [i, item] of items.entries()) {
			if (i >= have) await author.click(author.button(`author.q.${addKey}`, { n, m: 0 }));
			await fill(item, i + 1);
		}
	};
	switch (type) {
		case 'choice':
		case 'multi': {
			const choices = question.choices as (Node & { correct?: boolean })[];
			await rows(choices, type === 'multi' ? 3 : 2, 'addChoice', async (choice, m) => {
				await author.type(field('choiceAr', m), bi(choice).ar, 'content');
				await author.type(field('choiceEn', m), bi(choice).en, 'content');
			});
			for (const [i, choice] of choices.entries()) {
				// A new question's first choice is the right one.
				if ((choice.correct === true) !== (i === 0))
					await author.click(field('correct', i + 1), true);
			}
			break;
		}
		case 'truefalse':
			if (question.answer !== 'true') await author.choose(field('answer'), String(question.answer));
			break;
		case 'short': {
			const answers = question.answers as { ar: string[]; en: string[] };
			await author.typeLines(field('answers.ar'), answers.ar);
			await author.typeLines(field('answers.en'), answers.en);
			break;
		}
		case 'order':
			await rows(question.items as Node[], 3, 'item.add', async (item, m) => {
				await author.type(field('item.ar', m), bi(item).ar, 'content');
				await author.type(field('item.en', m), bi(item).en, 'content');
			});
			break;
		case 'match':
			await rows(question.pairs as Pair[], 3, 'pair.add', async (pair, m) => {
				for (const side of ['left', 'right'] as const) {
					for (const lang of ['ar', 'en'] as const) {
						await author.type(field(`pair.${side}.${lang}`, m), bi(pair[side])[lang], 'content');
					}
				}
			});
			break;
		case 'cloze':
			await author.type(field('cloze.ar'), bi(question.text).ar, 'content');
			await author.type(field('cloze.en'), bi(question.text).en, 'content');
			await rows(question.gaps as Node[], 1, 'gap.add', async (gap, m) => {
				await author.type(field('gap.ar', m), bi(gap).ar, 'content');
				await author.type(field('gap.en', m), bi(gap).en, 'content');
			});
			await rows((question.distractors ?? []) as Node[], 0, 'distractor.add', async (word, m) => {
				await author.type(field('distractor.ar', m), bi(word).ar, 'content');
				await author.type(field('distractor.en', m), bi(word).en, 'content');
			});
			break;
	}
	await author.evidence(n, 'ar', String(question.evidence));
	await author.evidence(n, 'en', String(question.evidence_en));
	await author.type(field('explainAr'), bi(question.explain).ar, 'content');
	await author.type(field('explainEn'), bi(question.explain).en, 'content');
}

/** Writes `file` (a parsed lesson.yaml) in the editor from the pasted `source`, and publishes it. */
async function writeInBrowser(author: Author, source: string, file: Node): Promise<void> {
	const { page } = author;
	const t = author.t;
	await page.goto('/en/teach/lessons');
	author.page_();
	await author.click(page.getByRole('link', { name: t('author.drafts.start') }));
	await page.waitForURL(/\/teach\/lessons\/new$/);
	author.page_();
	// The article, copied from where it was published: pasted.
	await author.click(author.label('author.new.paste'));
	await page.keyboard.insertText(source);
	author.actions.push({ type: 'key', presses: 1 });
	await author.click(author.button('author.new.submit'));
	await page.waitForURL(/\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
	author.page_();
	await author.click(author.button('author.editor.next'));
	author.page_();

	const title = file.title as Node;
	const source_ = file.source as { publisher: Node };
	await author.type(author.label('author.details.id'), String(file.id), 'structure', true);
	await author.type(author.label('author.details.titleEn'), String(title.en), 'content');
	await author.type(
		author.label('author.details.publisherEn'),
		String(source_.publisher.en),
		'content'
	);
	await author.choose(author.label('author.details.level'), String(file.level));
	for (const [i, paragraph] of (file.paragraphs as Node[]).entries()) {
		await author.type(
			author.label('author.translate.box', { n: i + 1 }),
			String(paragraph.en),
			'content'
		);
	}

	const article = readFileSync(`${LESSON_DIR}/article.ar.txt`, 'utf8').split(/\n\s*\n/);
	for (const [i, entry] of ((file.glossary ?? []) as Node[]).entries()) {
		const n = i + 1;
		const form = String(entry.ar);
		// The form takes the selection as it changes: a person looks, and selects again when the
		// words are not the ones meant (counted); after three tries, types them in the box.
		const box = author.label('author.glossary.form');
		const paragraph = article.findIndex((text) => text.includes(form));
		let selected = false;
		for (let attempt = 0; attempt < 3 && !selected; attempt++) {
			if (attempt > 0) author.reselections++;
			await author.selectWords(paragraph, form);
			for (let waited = 0; waited <= 2_000 && !selected; waited += 100) {
				selected = (await box.inputValue()) === form;
				if (!selected) await page.waitForTimeout(100);
			}
		}
		if (!selected) {
			author.typedForms++;
			await author.type(box, form, 'structure', true);
		}
		await author.click(author.button('author.glossary.add'));
		// The dictionary form's field has the focus.
		await author.type(null, String(entry.lemma), 'content');
		await author.type(author.label('author.glossary.root', { n }), String(entry.root), 'content');
		await author.choose(author.label('author.glossary.pos', { n }), String(entry.pos));
		await author.type(author.label('author.glossary.en', { n }), String(entry.en), 'content');
	}

	let previousType = 'choice';
	for (const [i, question] of ((file.questions ?? []) as Node[]).entries()) {
		await writeQuestion(author, i + 1, question, previousType);
		previousType = String(question.type);
	}

	await page.getByText(t('author.check.none')).waitFor({ timeout: 30_000 });
	await page.getByText(t('author.save.saved')).waitFor({ timeout: 30_000 });
	await author.click(author.button('author.publish.button'));
	await page
		.getByText(
			t('author.publish.done', { id: String(file.id), version: '' })
				.split('(')[0]!
				.trim()
		)
		.waitFor();
}

/** Runs the browser half against `origin` and measures both halves. */
export async function benchAuthoring(
	origin: string,
	chromePath: string,
	progress: (message: string) => void
): Promise<AuthoringRun> {
	const source = readFileSync(SOURCE, 'utf8');
	const yaml = readFileSync(`${LESSON_DIR}/lesson.yaml`, 'utf8');
	const article = readFileSync(`${LESSON_DIR}/article.ar.txt`, 'utf8');
	const file = parse(yaml) as Node;
	const scaffold = scaffoldLesson(String(file.id), source);
	if (scaffold.article !== article)
		throw new Error(`${LESSON_DIR}/article.ar.txt is not the scaffold's`);
	const byHand = estimateYaml(yaml, scaffold.yaml, BY_HAND);

	progress('authoring: signing a teacher up');
	const api = await request.newContext({ baseURL: origin });
	const signedUp = await api.post('/teach/signup', {
		headers: { origin, accept: 'text/html' },
		form: { email: `bench-${Date.now()}@school.example`, password: 'olive trees by the shatt' },
		maxRedirects: 0
	});
	if (signedUp.status() !== 303) throw new Error(`sign-up answered ${signedUp.status()}`);
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({
			baseURL: origin,
			viewport: { width: 1280, height: 800 },
			locale: 'en-GB'
		});
		await context.addCookies((await api.storageState()).cookies);
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		const author = new Author(page);
		progress('authoring: writing the lesson in the browser');
		const started = performance.now();
		try {
			await writeInBrowser(author, source, file);
		} catch (error) {
			// Where it stopped, for whoever reads the error.
			if (process.env.BENCH_SCREENSHOT) {
				await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
			}
			throw error;
		}
		const wallMs = performance.now() - started;

		const published = await api.get(`/api/lessons/${String(file.id)}/files`);
		const files = (await published.json()) as { article: string; lesson: string };
		// The editor writes `correct: false` on a wrong choice, which the hand leaves out.
		const lines = (lesson: object) =>
			JSON.stringify(
				lesson,
				(key, value) => (key === 'correct' && !value ? undefined : value),
				1
			).split('\n');
		const mine = lines(compiled(files.article, files.lesson));
		const theirs = lines(compiled(article, yaml));
		const differ = mine.findIndex((line, i) => line !== theirs[i]);
		if (differ >= 0 || mine.length !== theirs.length) {
			throw new Error(
				`at "${mine[differ]}" (by hand: "${theirs[differ]}"): ` +
					`the lesson published from the browser is not the hand-written one:\n${files.lesson}`
			);
		}
		const estimate = estimateActions(author.actions);
		return {
			yaml: {
				...byHand,
				contentSeconds: seconds(byHand.content),
				structureSeconds: seconds(byHand.structure)
			},
			browser: {
				counts: countActions(author.actions),
				estimate,
				contentSeconds: seconds(estimate.content),
				structureSeconds: seconds(estimate.structure),
				wallMs,
				reselections: author.reselections,
				typedForms: author.typedForms
			}
		};
	} finally {
		await browser.close();
		await api.dispose();
	}
}

/** The run as the bench's table shows it. */
export function authoringFigures(run: AuthoringRun): Figure[] {
	const f = (name: string, value: number, unit: 'count' | 'ms', note?: string) =>
		figure('authoring', name, value, unit, undefined, note);
	const { yaml, browser } = run;
	const c = browser.counts;
	return [
		f('YAML · characters typed beyond the scaffold', yaml.edit.typed, 'count'),
		f('YAML · of which content', yaml.contentChars, 'count'),
		f(
			'YAML · of which structure',
			yaml.structureChars,
			'count',
			`evidence quotes copied: ${yaml.evidenceCopied}`
		),
		f('YAML · lessons check rounds', BY_HAND.rounds, 'count', `errors: ${BY_HAND.errors}`),
		f('YAML · KLM content', yaml.contentSeconds * 1000, 'ms'),
		f('YAML · KLM structure', yaml.structureSeconds * 1000, 'ms'),
		f('YAML · KLM total', (yaml.contentSeconds + yaml.structureSeconds) * 1000, 'ms'),
		f('browser · clicks', c.clicks, 'count'),
		f('browser · choices from lists', c.chooses, 'count'),
		f(
			'browser · selections',
			c.selections,
			'count',
			`made again: ${browser.reselections}; forms typed instead: ${browser.typedForms}`
		),
		f(
			'browser · key presses (no text)',
			c.keyPresses,
			'count',
			`of which selecting evidence: ${c.selectionPresses}`
		),
		f('browser · characters typed, content', c.contentChars, 'count'),
		f('browser · characters typed, structure', c.structureChars, 'count'),
		f('browser · fields typed in', c.fields, 'count'),
		f('browser · pages and steps', c.pages, 'count'),
		f('browser · KLM content', browser.contentSeconds * 1000, 'ms'),
		f('browser · KLM structure', browser.structureSeconds * 1000, 'ms'),
		f('browser · KLM total', (browser.contentSeconds + browser.structureSeconds) * 1000, 'ms'),
		f('browser · scripted run, wall-clock', browser.wallMs, 'ms')
	];
}
