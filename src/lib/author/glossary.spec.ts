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
