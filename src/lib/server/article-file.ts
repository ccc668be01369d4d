/**
 * An article uploaded on the start page, as text: a .txt read as UTF-8, a Word document (.docx)
 * through mammoth's raw text, which keeps one paragraph per paragraph and drops the formatting.
 * mammoth is imported only when a .docx comes, so no other page or request ever loads it.
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES } from '$lib/lesson';

/** A .docx may hold pictures beside its text; its text is held to MAX_FILE_BYTES like a .txt. */
export const MAX_DOCX_BYTES = 8 * MAX_FILE_BYTES;

/** What a .docx's parts may come to once inflated, checked before mammoth inflates them. */
const MAX_DOCX_INFLATED = 4 * MAX_DOCX_BYTES;

/** Why an upload gives no article: each has its message on the start page, in both languages. */
export type ArticleFileError = 'not-text' | 'not-docx' | 'too-large';

export type ArticleFile = { ok: true; text: string } | { ok: false; reason: ArticleFileError };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the file is meant as a Word document: by its name, or by being a zip at all. */
export function isDocx(name: string, bytes: Uint8Array): boolean {
	return /\.docx$/i.test(name) || ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** The inflated size of a zip's entries, read from its directory without inflating; null if unreadable. */
function inflatedSize(bytes: Uint8Array): number | null {
	let total = 0;
	try {
		unzipSync(bytes, {
			filter: (entry) => {
				total += entry.originalSize;
				return false;
			}
		});
	} catch {
		return null;
	}
	return total;
}

async function readDocx(bytes: Uint8Array): Promise<ArticleFile> {
	if (bytes.byteLength > MAX_DOCX_BYTES) return { ok: false, reason: 'too-large' };
	const inflated = inflatedSize(bytes);
	if (inflated === null) return { ok: false, reason: 'not-docx' };
	// A zip bomb is refused before mammoth expands it.
	if (inflated > MAX_DOCX_INFLATED) return { ok: false, reason: 'too-large' };
	const mammoth = await import('mammoth');
	let text: string;
	try {
		({ value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
	} catch {
		// Not a Word document inside (another zip), or a broken one.
		return { ok: false, reason: 'not-docx' };
	}
	if (new TextEncoder().encode(text).byteLength > MAX_FILE_BYTES) {
		return { ok: false, reason: 'too-large' };
	}
	return { ok: true, text };
}

/**
 * The article's text from an uploaded file.
 *
 * @returns the text, or why there is none: `not-docx` for a .docx (or other zip) that cannot be
 *   read as a Word document, `not-text` for a file that is neither that nor UTF-8 text,
 *   `too-large` past the limits
 */
export async function readArticleFile(name: string, bytes: Uint8Array): Promise<ArticleFile> {
	if (isDocx(name, bytes)) return readDocx(bytes);
	if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, reason: 'too-large' };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return { ok: false, reason: 'not-text' };
	}
}
