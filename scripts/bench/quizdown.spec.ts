import { describe, expect, it } from 'vitest';
import { compiledLessons } from '../compile/folders';
import { quizdownMarkdown, quizdownPage } from './quizdown';

const lessons = compiledLessons();

describe('the quizdown peer page', () => {
	it('asks every choice question of the lesson, with its choices and the right one marked', () => {
		for (const lesson of lessons) {
			const markdown = quizdownMarkdown(lesson);
			const choice = lesson.questions.filter((question) => question.type === 'choice');
			expect(choice.length).toBeGreaterThan(0);
			expect(markdown.match(/^## /gm)).toHaveLength(choice.length);
			const marked = markdown.match(/^1\. \[x\] /gm) ?? [];
			expect(marked).toHaveLength(choice.length);
		}
	});

	it('carries the whole passage, with markup in the text shown as text', () => {
		const lesson = lessons[0]!;
		const page = quizdownPage({
			...lesson,
			paragraphs: [{ ...lesson.paragraphs[0]!, ar: '<script>x</script> & نص' }]
		});
		expect(page).toContain('&lt;script&gt;x&lt;/script&gt; &amp; نص');
		expect(page).not.toContain('<script>x</script>');
		for (const paragraph of lesson.paragraphs) {
			expect(quizdownPage(lesson)).toContain(paragraph.ar.replace(/&/g, '&amp;'));
		}
	});

	it('escapes markdown marks in prompts and choices', () => {
		const lesson = lessons[0]!;
		const question = lesson.questions.find((q) => q.type === 'choice')!;
		const markdown = quizdownMarkdown({
			...lesson,
			questions: [{ ...question, prompt: { ar: '# *نص* [x]', en: '' } }]
		});
		expect(markdown).toContain('## \\# \\*نص\\* \\[x\\]');
	});
});
