import { describe, expect, it } from 'vitest';
import { compileLesson } from '$lib/lesson/compile';
import { modelToFiles, newDraftModel } from '$lib/lesson/draft';
import {
	countLinks,
	glossaryLinks,
	newEntry,
	PARTS_OF_SPEECH,
	previewLinks,
	sameEntry,
	paragraphSelection,
	wholeWords
} from './glossary';

const PARAGRAPHS = [
	'افتتح المجلس البلدي حديقة جديدة، وقال رئيس المجلس إن الحديقة مجانية.',
	'ويأمل السكان أن تفتح حدائق أخرى في الأحياء البعيدة.'
];

describe('a selection becomes a glossary form', () => {
	const text = PARAGRAPHS[0]!;
	const at = (word: string) => text.indexOf(word);

	it('takes a whole word selected exactly, or cut in the middle', () => {
		const start = at('البلدي');
		expect(wholeWords(text, start, start + 6)).toEqual({
			start,
			end: start + 6,
			text: 'البلدي'
		});
		expect(wholeWords(text, start + 2, start + 4)?.text).toBe('البلدي');
	});

	it('takes a phrase, selected backwards and ending in a space, without the punctuation after', () => {
		const start = at('حديقة جديدة');
		expect(wholeWords(text, start + 'حديقة جديدة، '.length, start)?.text).toBe('حديقة جديدة');
	});

	it('gives nothing for an empty selection or one of spaces and punctuation', () => {
		expect(wholeWords(text, 5, 5)).toBeNull();
		const comma = text.indexOf('،');
		expect(wholeWords(text, comma, comma + 2)).toBeNull();
	});
});

describe('where entries link, by the compiler’s own rule', () => {
	it('marks a match as written, through a clitic, and one letter off, per entry and per paragraph', () => {
		const glossary = [newEntry('المجلس'), newEntry('الحديقه'), newEntry('البعيدت')];
		const { byEntry, byParagraph } = glossaryLinks(PARAGRAPHS, glossary);
		expect(byEntry[0]!.map(({ text, match }) => [text, match])).toEqual([
			['المجلس', 'exact'],
			['المجلس', 'exact']
		]);
		// ة and ه are one letter once normalised, so الحديقه is الحديقة as written; حديقة is the
		// same word without the article.
		expect(byEntry[1]!.map(({ text, match }) => [text, match])).toEqual([
			['حديقة', 'form'],
			['الحديقة', 'exact']
		]);
		// A misspelt entry finds its word only one letter away: the editor says so.
		expect(byEntry[2]).toEqual([
			{
				paragraph: 1,
				start: PARAGRAPHS[1]!.indexOf('البعيدة'),
				end: PARAGRAPHS[1]!.indexOf('البعيدة') + 7,
				text: 'البعيدة',
				match: 'near'
			}
		]);
		expect(countLinks(byEntry[2]!)).toEqual({ exact: 0, form: 0, near: 1 });
		expect(byParagraph[0]!.map((link) => link.entry)).toEqual([0, 1, 0, 1]);
	});

	it('links what the compiled lesson links, and nothing else', () => {
		const model = newDraftModel('t', PARAGRAPHS.join('\n\n'));
		model.title = { ar: 'حديقة', en: 'A park' };
		model.source.publisher = { ar: 'صحيفة', en: 'A paper' };
		model.source.date = '2024-01-01';
		model.paragraphs.forEach((p) => (p.en = 'Text.'));
		model.glossary = [
			{ ...newEntry('المجلس'), lemma: 'مجلس', pos: 'noun', en: 'council' },
			{ ...newEntry('رئيس المجلس'), lemma: 'رئيس مجلس', pos: 'phrase', en: 'head of the council' },
			{ ...newEntry('البعيدت'), lemma: 'بعيد', pos: 'adjective', en: 'far' }
		];
		const result = compileLesson({
			yamlPath: 'lesson.yaml',
			articlePath: 'article.ar.txt',
			yaml: modelToFiles(model).lesson,
			article: modelToFiles(model).article
		});
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const { byParagraph } = glossaryLinks(PARAGRAPHS, model.glossary);
		expect(
			byParagraph.map((links) => links.map(({ start, end, entry }) => ({ start, end, entry })))
		).toEqual(result.lesson.paragraphs.map((p) => p.terms));
		// The phrase takes its words from the single-word entry where they overlap.
		expect(byParagraph[0]!.map((link) => link.entry)).toEqual([0, 1]);
	});

	it('previews a form as if added last, leaving out what another entry already links', () => {
		const glossary = [newEntry('رئيس المجلس')];
		expect(previewLinks(PARAGRAPHS, glossary, 'المجلس').map((link) => link.start)).toEqual([
			PARAGRAPHS[0]!.indexOf('المجلس')
		]);
		expect(previewLinks(PARAGRAPHS, glossary, '  ')).toEqual([]);
		expect(previewLinks(PARAGRAPHS, glossary, 'قطار')).toEqual([]);
	});
});

describe('entries', () => {
	it('start with the form and every other field empty', () => {
		expect(newEntry(' حديقة ')).toEqual({
			ar: 'حديقة',
			lemma: '',
			root: '',
			pos: '',
			en: '',
			note: { ar: '', en: '' }
		});
	});

	it('find the entry a form repeats by the compiler’s rule, leaving out the one edited', () => {
		const glossary = [newEntry('الحديقة'), newEntry('المجلس')];
		expect(sameEntry(glossary, 'الحَدِيقَة')).toBe(0);
		expect(sameEntry(glossary, 'حديقة')).toBe(-1);
		expect(sameEntry(glossary, 'الحديقة', 0)).toBe(-1);
		expect(sameEntry(glossary, '')).toBe(-1);
	});

	it('offer the schema’s parts of speech', () => {
		expect(PARTS_OF_SPEECH).toContain('noun');
		expect(PARTS_OF_SPEECH).toContain('phrase');
	});
});

describe('paragraphSelection', () => {
	const paragraphs = ['عاد الشارع إلى الازدحام.', 'وقال أحد الباعة إن الزوار كثر.'];
	const GAP = '\n\n';
	const second = paragraphs[0]!.length + GAP.length;

	it('finds the paragraph and the offsets in it, either way round', () => {
		// " أحد " selected from its end: the word, without the spaces around it.
		expect(paragraphSelection(paragraphs, GAP, second + 9, second + 4)).toEqual({
			paragraph: 1,
			start: 5,
			end: 8
		});
		expect(paragraphSelection(paragraphs, GAP, 0, 3)).toEqual({ paragraph: 0, start: 0, end: 3 });
	});

	it('takes a selection that starts after a paragraph or ends with its line break as one paragraph', () => {
		// From the end of the first paragraph, over the blank line, into the second's first word.
		expect(paragraphSelection(paragraphs, GAP, paragraphs[0]!.length, second + 4)).toEqual({
			paragraph: 1,
			start: 0,
			end: 4
		});
		// The first paragraph's last word and the line break after it.
		expect(
			paragraphSelection(paragraphs, GAP, paragraphs[0]!.length - 9, paragraphs[0]!.length + 1)
		).toEqual({ paragraph: 0, start: paragraphs[0]!.length - 9, end: paragraphs[0]!.length });
	});

	it('refuses a selection with words in two paragraphs', () => {
		expect(paragraphSelection(paragraphs, GAP, 4, second + 4)).toBeNull();
	});
});
