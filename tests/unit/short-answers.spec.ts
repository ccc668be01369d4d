/**
 * The real lessons' typed-answer keys under the grading rule: every answer a lesson lists, and
 * the same hedged or framed, grades right in both reading languages, and the key's number moved
 * by one never does. A guard on the content; the rule itself is tested in src/lib/quiz/short.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '$lib/lesson';
import { grade } from '$lib/quiz';
import { compiledLessons } from '../../scripts/compile/folders';

type Short = Extract<CompiledQuestion, { type: 'short' }>;

const SHORTS = compiledLessons().flatMap((lesson) =>
	lesson.questions
		.filter((question): question is Short => question.type === 'short')
		.map((question) => ({ lesson, question }))
);

describe('the real lessons’ short answers', () => {
	it('has short questions to check', () => {
		expect(SHORTS.length).toBeGreaterThan(0);
	});

	it.each(
		SHORTS.map(({ lesson, question }) => [`${lesson.id}/${question.id}`, lesson, question] as const)
	)(
		'%s: every listed answer, hedged or framed, is right in either reading language',
		(_, lesson, question) => {
			const typed = [...question.answers.ar, ...question.answers.en].flatMap((answer) => [
				answer,
				`حوالي ${answer}`,
				`${answer} تقريباً`,
				`about ${answer}`,
				`it refers to ${answer}`
			]);
			const wrong = typed.flatMap((text) =>
				(['ar', 'en'] as const).flatMap((lang) =>
					grade(question, { type: 'short', text, lang }, lesson.paragraphs).correct
						? []
						: [`${lang}: ${text}`]
				)
			);
			expect(wrong).toEqual([]);
		}
	);

	it.each(
		SHORTS.map(({ lesson, question }) => [`${lesson.id}/${question.id}`, lesson, question] as const)
	)('%s: the key with its number moved by one is wrong', (_, lesson, question) => {
		const right = [...question.answers.ar, ...question.answers.en].filter((answer) =>
			/^\d[\d,]*(\D|$)/.test(answer)
		);
		const moved = right.flatMap((answer) => {
			const number = Number(answer.match(/^\d[\d,]*/)![0].replace(/,/g, ''));
			return [number + 1, number - 1].map((other) => answer.replace(/^\d[\d,]*/, String(other)));
		});
		const accepted = moved.filter(
			(text) => grade(question, { type: 'short', text, lang: 'en' }, lesson.paragraphs).correct
		);
		expect(accepted).toEqual([]);
	});
});
