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
