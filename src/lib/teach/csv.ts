/**
 * CSV downloads: the services write the text (UTF-8 with a BOM, so Excel keeps Arabic intact);
 * this wraps it as an attachment that no cache keeps.
 */

/**
 * A `Content-Disposition` header for a download named `name.csv`: an ASCII fallback for old
 * clients and the exact name, percent-encoded as UTF-8 (RFC 6266), for the rest.
 */
export function attachment(name: string): string {
	const ascii = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'qiraa';
	return `attachment; filename="${ascii}.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`;
}

// Characters no file system or no spreadsheet program takes in a name, and invisible ones that
// would reorder or hide part of it.
const UNSAFE_IN_NAME = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;

/**
 * A download's name from its parts (a class name, a lesson title): what Windows, macOS and Linux
 * all accept, Arabic kept, at most 120 characters, never empty.
 */
export function fileName(...parts: string[]): string {
	const name = parts
		.map((part) => part.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join(' - ')
		.slice(0, 120)
		.replace(/[.\s-]+$/, '');
	return name || 'qiraa';
}

/** Answers with CSV text as a download called `name.csv`. */
export function csvResponse(csv: string, name: string): Response {
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(name),
			'cache-control': 'private, no-store'
		}
	});
}

/** What a CSV cell can hold. */
export type CsvValue = string | number | boolean | null;

// A cell that starts like a formula would run as one in a spreadsheet; a student can type a name
// such as "=HYPERLINK(…)". A leading apostrophe makes Excel and LibreOffice show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
	let text = value === null ? '' : String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Writes rows as CSV that Excel opens with Arabic intact: UTF-8 with a byte-order mark, every
 * cell quoted, CRLF line ends, and cells that look like formulas defused.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
