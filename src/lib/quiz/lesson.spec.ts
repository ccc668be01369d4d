import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLesson, type Lesson } from '$lib/lesson';
import { evidenceSpan, grade } from './grade';
import { keyAnswer } from './key';
import { scoreLesson } from './score';

// The real path from lesson files to grades: a compiled lesson, answered from its own key.

function compileTiny(): Lesson {
	const dir = 'tests/fixtures/lessons/valid/tiny';
	const result = compileLesson({
		dir: 'tiny',
		yamlPath: join(dir, 'lesson.yaml'),
		yaml: readFileSync(join(dir, 'lesson.yaml'), 'utf8'),
		articlePath: join(dir, 'article.ar.txt'),
		article: readFileSync(join(dir, 'article.ar.txt'), 'utf8')
	});
	if (!result.ok) throw new Error('the tiny lesson should compile');
	return result.lesson;
}

describe('grading a compiled lesson', () => {
	const lesson = compileTiny();

	it.each(['ar', 'en'] as const)('gives full marks to the key, read in %s', (lang) => {
		const grades = Object.fromEntries(
			lesson.questions.map((question) => [
				question.id,
				grade(question, keyAnswer(question, lesson.paragraphs, lang), lesson.paragraphs)
			])
		);
		for (const question of lesson.questions) {
			expect(grades[question.id], question.id).toEqual({ correct: true, score: 1 });
		}
		expect(scoreLesson(lesson.questions, grades)).toMatchObject({
			total: lesson.questions.length,
			answered: lesson.questions.length,
			percent: 100,
			reread: []
		});
	});

	it('finds the same evidence as the compiler when it has to search', () => {
		for (const question of lesson.questions) {
			const paragraph = lesson.paragraphs[question.paragraph]!;
			const plain = { ...question, evidenceSpan: undefined };
			for (const lang of ['ar', 'en'] as const) {
				expect(evidenceSpan(plain, paragraph, lang), question.id).toEqual(
					question.evidenceSpan[lang]
				);
			}
		}
	});
});
