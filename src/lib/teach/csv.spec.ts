import { describe, expect, it } from 'vitest';
import { attachment, csvResponse, fileName, toCsv } from './csv';

describe('attachment', () => {
	it('names an ASCII file as it is', () => {
		expect(attachment('qiraa-basra-aegis-security')).toBe(
			`attachment; filename="qiraa-basra-aegis-security.csv"; filename*=UTF-8''qiraa-basra-aegis-security.csv`
		);
	});

	it('gives an Arabic name an ASCII fallback and the exact name encoded', () => {
		const header = attachment('الصف العاشر');
		expect(header).toContain('filename="qiraa.csv"');
		expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('الصف العاشر')}.csv`);
	});

	it('keeps quotes, slashes and line breaks out of the header', () => {
		const header = attachment('a"b/c\r\nd');
		expect(header).toMatch(/^attachment; filename="a-b-c-d\.csv"; filename\*=UTF-8''[^\s"]+$/);
	});
});

describe('csvResponse', () => {
	it('is a UTF-8 CSV download that no cache keeps, the BOM intact', async () => {
		const response = csvResponse('\uFEFF"a"\r\n', 'x');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});

describe('toCsv', () => {
	it('writes UTF-8 with a BOM, quotes every cell, uses CRLF and defuses formulas', () => {
		expect(
			toCsv([
				['a', 'b "c"', 1.5, null, true],
				['=SUM(A1)', '+1', '-x', '@me', 'عربي']
			])
		).toBe('\uFEFF"a","b ""c""","1.5","","true"\r\n"\'=SUM(A1)","\'+1","\'-x","\'@me","عربي"\r\n');
	});
});

describe('fileName', () => {
	it('joins a class and a lesson, keeps Arabic, drops what file systems refuse', () => {
		expect(fileName('Class 7B', 'The council vote')).toBe('Class 7B - The council vote');
		expect(fileName('الصف/العاشر', 'تصويت: المجلس؟')).toBe('الصف العاشر - تصويت المجلس؟');
		expect(fileName('a\u202Eb<c>|d*"e\u0000', '..')).toBe('a b c d e');
		expect(fileName('   ', '')).toBe('qiraa');
		expect(fileName('x'.repeat(300)).length).toBe(120);
	});
});
