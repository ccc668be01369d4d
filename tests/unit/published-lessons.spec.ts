import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, SKILLS } from '$lib/lesson';
import { grade, keyAnswer } from '$lib/quiz';
import { findQuote, findTerm } from '$lib/text';
import { compiledLessons } from '../../scripts/compile/folders';

/** The standard a published lesson is held to (issue: the two source lessons). */
const MIN_QUESTIONS = 16;
const MIN_GLOSSARY = 30;
const MIN_SKILLS = 6;

/**
 * The shipped lessons in `lessons/`, compiled as the server does when it starts: held to the
 * standard a published lesson must meet.
 */
const lessons = compiledLessons();
const getLesson = (id: string) => lessons.find((lesson) => lesson.id === id);

describe('the published lessons', () => {
	it('are the two lessons made from the source articles, with every paragraph', () => {
		expect(lessons.map((l) => [l.id, l.paragraphs.length])).toEqual([
			['basra-aegis-security', 16],
			['basra-council-us-forces', 6]
		]);
		expect(getLesson('basra-council-us-forces')!.paragraphs[0]!.ar).toMatch(
			/^تكمن اهمية الملف الأمني/
		);
		expect(getLesson('basra-aegis-security')!.paragraphs[0]!.ar).toMatch(/^بعد ست سنوات من مغادرة/);
	});

	describe.each(lessons.map((lesson) => [lesson.id, lesson] as const))('%s', (_, lesson) => {
		it('has titles, summary, source and level in both languages', () => {
			expect(lesson.title.ar && lesson.title.en).toBeTruthy();
			expect(lesson.summary?.ar && lesson.summary.en).toBeTruthy();
			expect(lesson.source.publisher.ar && lesson.source.publisher.en).toBeTruthy();
			expect(lesson.level).toBeDefined();
			expect(lesson.readability.words).toBeGreaterThan(300);
			expect(lesson.readingMinutes).toBeGreaterThanOrEqual(3);
		});

		it('translates every paragraph', () => {
			for (const paragraph of lesson.paragraphs) {
				expect(paragraph.en.split(' ').length).toBeGreaterThan(
					paragraph.ar.split(' ').length * 0.7
				);
			}
		});

		it(`has at least ${MIN_GLOSSARY} glossary entries, each found in the text`, () => {
			expect(lesson.glossary.length).toBeGreaterThanOrEqual(MIN_GLOSSARY);
			for (const entry of lesson.glossary) {
				expect(
					lesson.paragraphs.some((p) => findTerm(p.ar, entry.ar)),
					entry.ar
				).toBe(true);
				expect(entry.en.trim()).not.toBe('');
			}
		});

		it(`has at least ${MIN_QUESTIONS} questions of all eight types and ${MIN_SKILLS} skills`, () => {
			expect(lesson.questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
			expect(new Set(lesson.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
			const skills = new Set(lesson.questions.map((q) => q.skill));
			expect(skills.size).toBeGreaterThanOrEqual(MIN_SKILLS);
			for (const skill of skills) expect(SKILLS).toContain(skill);
			expect(lesson.questions.some((q) => q.type === 'truefalse' && q.answer === 'not-given')).toBe(
				true
			);
		});

		it('grounds every question in its paragraph, in both languages', () => {
			for (const question of lesson.questions) {
				const paragraph = lesson.paragraphs[question.paragraph]!;
				expect(findQuote(paragraph.ar, question.evidence), question.id).not.toBeNull();
				expect(findQuote(paragraph.en, question.evidence_en), question.id).not.toBeNull();
				for (const text of [question.prompt, question.explain]) {
					expect(text.ar.trim() && text.en.trim(), question.id).toBeTruthy();
				}
			}
		});

		it('grades its own answer key as fully right', () => {
			for (const question of lesson.questions) {
				expect(
					grade(question, keyAnswer(question, lesson.paragraphs, 'ar'), lesson.paragraphs),
					question.id
				).toEqual({
					correct: true,
					score: 1
				});
			}
		});
	});

	it("asks the opinion column for facts against opinions and for the author's recommendation", () => {
		const column = getLesson('basra-council-us-forces')!;
		expect(column.source.genre).toBe('opinion');
		expect(
			column.questions.filter((q) => q.skill === 'fact-opinion').length
		).toBeGreaterThanOrEqual(2);
		// The recommendation closes the column, in its last paragraph.
		expect(
			column.questions.some(
				(q) =>
					q.paragraph === 5 && ['main-idea', 'purpose'].includes(q.skill) && q.type === 'choice'
			)
		).toBe(true);
	});
});
