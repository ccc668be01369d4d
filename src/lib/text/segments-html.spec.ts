import { describe, expect, it } from 'vitest';
import { segments } from './segments';
import { escapeHtml, segmentsHtml } from './segments-html';

const TEXT = 'صوّت مجلس المحافظة على القرار. وقال رئيس الكتلة إن القرار نهائي.';
const council = { start: 5, end: 18, entry: 0 };
const decision = { start: 23, end: 29, entry: 1 };

/** The markup as a browser reads it, without one. */
function parse(html: string): { tag: string; text: string; entry?: string }[] {
	const parts: { tag: string; text: string; entry?: string }[] = [];
	const pattern =
		/<button type="button" class="term" data-entry="(\d+)">([^<]*)<\/button>|<\/?mark>|[^<]+/g;
	for (const match of html.matchAll(pattern)) {
		if (match[1] !== undefined) parts.push({ tag: 'button', text: match[2]!, entry: match[1] });
		else if (match[0].startsWith('<')) parts.push({ tag: match[0], text: '' });
		else parts.push({ tag: '#text', text: match[0] });
	}
	return parts;
}

describe('segmentsHtml', () => {
	it('makes each glossary word a button with its entry, and keeps the text in order', () => {
		const html = segmentsHtml(segments(TEXT, [council, decision]));
		const parts = parse(html);
		expect(parts.map((p) => p.text).join('')).toBe(TEXT);
		expect(parts.filter((p) => p.tag === 'button')).toEqual([
			{ tag: 'button', text: 'مجلس المحافظة', entry: '0' },
			{ tag: 'button', text: 'القرار', entry: '1' }
		]);
		expect(html).not.toContain('mark');
	});

	it('wraps the evidence in one mark, a glossary word inside it too', () => {
		const html = segmentsHtml(segments(TEXT, [council, decision], { start: 19, end: 30 }));
		expect(html.match(/<mark>/g)).toHaveLength(1);
		expect(html).toContain(
			'<mark>على <button type="button" class="term" data-entry="1">القرار</button>.</mark>'
		);
	});

	it('closes a mark that runs to the end of the paragraph', () => {
		expect(segmentsHtml(segments('abc', [], { start: 1, end: 3 }))).toBe('a<mark>bc</mark>');
	});

	it('escapes the text, so a lesson cannot put markup in the page', () => {
		const text = '<img src=x onerror=alert(1)> & "q"';
		const html = segmentsHtml(segments(text, [{ start: 0, end: 4, entry: 2 }]));
		expect(html).not.toMatch(/<img/);
		expect(html).toBe(
			'<button type="button" class="term" data-entry="2">&lt;img</button> src=x onerror=alert(1)&gt; &amp; &quot;q&quot;'
		);
		expect(escapeHtml(`'`)).toBe('&#39;');
	});

	it('gives nothing for an empty paragraph', () => {
		expect(segmentsHtml(segments('', []))).toBe('');
	});
});
