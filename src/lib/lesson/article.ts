/**
 * Reading `article.ar.txt`: the article as published, one paragraph a line, or paragraphs
 * separated by blank lines. The app shows these exact strings, so nothing but the line ends and
 * the surrounding white space of each paragraph is touched.
 */

/** A paragraph of the article and the line it starts on (1-based). */
export interface ArticleParagraph {
	text: string;
	line: number;
}

/** Drops a byte order mark and turns CRLF and CR line ends into LF. */
export function normaliseFile(raw: string): string {
	return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits an article into paragraphs. When the file has blank lines, they separate paragraphs and
 * the lines of one block are joined with a space; otherwise every line is a paragraph.
 */
export function splitParagraphs(raw: string): ArticleParagraph[] {
	const lines = normaliseFile(raw).split('\n');
	const blockSeparated = lines.some(
		(line, i) => line.trim() === '' && i > 0 && i < lines.length - 1
	);
	const paragraphs: ArticleParagraph[] = [];
	let block: string[] = [];
	let blockLine = 0;
	const flush = () => {
		if (block.length > 0) paragraphs.push({ text: block.join(' '), line: blockLine });
		block = [];
	};
	lines.forEach((line, i) => {
		const trimmed = line.trim();
		if (trimmed === '') {
			flush();
			return;
		}
		if (block.length === 0) blockLine = i + 1;
		block.push(trimmed);
		if (!blockSeparated) flush();
	});
	flush();
	return paragraphs;
}
