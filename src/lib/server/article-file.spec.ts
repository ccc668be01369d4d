import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newDraftModel } from '$lib/lesson/draft';
import { isDocx, MAX_DOCX_BYTES, readArticleFile } from './article-file';

// A Word document with a banner, a headline, a date line in Arabic-Indic digits and two paragraphs,
// made with Python's zipfile from a hand-written word/document.xml (no word processor needed).
const DOCX = new Uint8Array(readFileSync('tests/fixtures/articles/library.docx'));
const text = (value: string) => new TextEncoder().encode(value);

describe('reading an uploaded article', () => {
	it('takes a .docx’s paragraphs, and the scaffold reads them as it reads pasted text', async () => {
		const read = await readArticleFile('library.docx', DOCX);
		if (!read.ok) throw new Error(read.reason);
		const model = newDraftModel('library', read.text);
		expect(model.title.ar).toBe('المجلس البلدي يفتتح مكتبة جديدة');
		expect(model.source.date).toBe('2024-03-03');
		expect(model.source.publisher.ar).toBe('صحيفة المدينة');
		expect(model.paragraphs.map((p) => p.ar)).toEqual([
			'افتتح المجلس البلدي يوم الخميس مكتبة عامة جديدة في وسط المدينة.',
			'وقال رئيس المجلس إن المكتبة تضم عشرة آلاف كتاب.'
		]);
	});

	it('knows a .docx by its name or by being a zip', () => {
		expect(isDocx('a.DOCX', text('x'))).toBe(true);
		expect(isDocx('upload', DOCX)).toBe(true);
		expect(isDocx('a.txt', text('PK'))).toBe(false);
	});

	it('reads a .txt as UTF-8 and refuses other bytes as not text', async () => {
		expect(await readArticleFile('a.txt', text('نص'))).toEqual({ ok: true, text: 'نص' });
		expect(await readArticleFile('a.pdf', new Uint8Array([0x25, 0xff, 0xfe, 0x00]))).toEqual({
			ok: false,
			reason: 'not-text'
		});
	});

	it('refuses a broken .docx, and a zip that is not a Word document, as not a .docx', async () => {
		const broken = { ok: false, reason: 'not-docx' };
		expect(await readArticleFile('a.docx', text('not a zip at all'))).toEqual(broken);
		expect(await readArticleFile('a.docx', DOCX.slice(0, 400))).toEqual(broken);
		const other = zipSync({ 'notes.txt': text('hello') });
		expect(await readArticleFile('notes.zip', other)).toEqual(broken);
	});

	it('refuses a .docx too large, or one that inflates far past its size, before reading it', async () => {
		const big = new Uint8Array(MAX_DOCX_BYTES + 1);
		big.set([0x50, 0x4b, 0x03, 0x04]);
		expect(await readArticleFile('big.docx', big)).toEqual({ ok: false, reason: 'too-large' });
		const bomb = zipSync({ 'word/document.xml': new Uint8Array(5 * MAX_DOCX_BYTES) });
		expect(bomb.byteLength).toBeLessThan(MAX_DOCX_BYTES);
		expect(await readArticleFile('bomb.docx', bomb)).toEqual({ ok: false, reason: 'too-large' });
	});
});
