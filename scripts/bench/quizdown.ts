/**
 * The peer the lesson page is measured against: quizdown (npm `quizdown`), a small Svelte quiz
 * library for static sites, on a page with the same passage and the same choice questions, in the
 * same language and the same passage font. Served from loopback by a few lines of `node:http`,
 * gzip as our server sends text, so one Lighthouse run compares the two pages on equal terms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Lesson } from '../../src/lib/lesson/types';
import { freePort } from './server';

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown's own marks in a line of text, escaped so quizdown shows them as they are. */
const escapeMarkdown = (text: string) => escapeHtml(text).replace(/([\\`*_[\]#|>-])/g, '\\$1');

/** The lesson's choice questions in quizdown's syntax, in Arabic as the lesson page first shows them. */
export function quizdownMarkdown(lesson: Lesson): string {
	const questions = lesson.questions.flatMap((question) =>
		question.type === 'choice'
			? [
					`## ${escapeMarkdown(question.prompt.ar)}`,
					'',
					...question.choices.map(
						(choice) => `1. [${choice.correct ? 'x' : ' '}] ${escapeMarkdown(choice.ar)}`
					),
					''
				]
			: []
	);
	return ['---', 'shuffleAnswers: true', 'locale: en', '---', '', ...questions].join('\n');
}

/** The whole page: the Arabic passage, then the quiz, with quizdown loaded as its README shows. */
export function quizdownPage(lesson: Lesson): string {
	return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(lesson.title.ar)}</title>
<style>
@font-face { font-family: 'Noto Naskh Arabic'; font-display: swap; src: url('/font.woff2') format('woff2'); unicode-range: U+600-6FF, U+200C-200F; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font-family: system-ui, sans-serif; }
.passage p { font-family: 'Noto Naskh Arabic', serif; font-size: 1.2rem; line-height: 1.9; }
</style>
</head>
<body>
<h1>${escapeHtml(lesson.title.ar)}</h1>
<article class="passage">
${lesson.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph.ar)}</p>`).join('\n')}
</article>
<div class="quizdown">
${quizdownMarkdown(lesson)}
</div>
<script src="/quizdown.js"></script>
<script>quizdown.init();</script>
</body>
</html>
`;
}

export interface PeerServer {
	origin: string;
	/** The page's path for each lesson id. */
	path(lessonId: string): string;
	close(): Promise<void>;
}

/** The passage font as the app's build ships it (cut to the Arabic block). */
function passageFont(buildDir: string): Buffer {
	const assets = join(buildDir, 'client', '_app', 'immutable', 'assets');
	const file = readdirSync(assets).find((name) => /^noto-naskh-arabic-400\..*\.woff2$/.test(name));
	if (!file) throw new Error(`No Noto Naskh Arabic font in ${assets}`);
	return readFileSync(join(assets, file));
}

/** Serves a quizdown page per lesson, quizdown's script and the passage font, on loopback. */
export async function startPeer(buildDir: string, lessons: readonly Lesson[]): Promise<PeerServer> {
	const require = createRequire(import.meta.url);
	const script = gzipSync(readFileSync(require.resolve('quizdown')), { level: 9 });
	const font = passageFont(buildDir);
	const pages = new Map(
		lessons.map((lesson) => [
			`/quizdown/${lesson.id}`,
			gzipSync(Buffer.from(quizdownPage(lesson)), { level: 9 })
		])
	);
	const server: Server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		const page = pages.get(path);
		const send = (type: string, body: Buffer, gzip: boolean) => {
			response.writeHead(200, {
				'content-type': type,
				'content-length': body.length,
				'cache-control': 'no-cache',
				...(gzip ? { 'content-encoding': 'gzip' } : {})
			});
			response.end(body);
		};
		if (page) send('text/html; charset=utf-8', page, true);
		else if (path === '/quizdown.js') send('text/javascript', script, true);
		else if (path === '/font.woff2') send('font/woff2', font, false);
		else response.writeHead(404).end();
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${port}`,
		path: (lessonId) => `/quizdown/${lessonId}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
