import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '$lib/lesson';
import { compiledLessons } from '../../../../../../../scripts/compile/folders';
import { letter, worksheet, type PaperKey, type PaperQuestion } from './worksheet';

const lessons = compiledLessons();

/** Reads the key back against the printed sheet and checks it against the lesson's answers. */
function expectKeyFits(question: CompiledQuestion, paper: PaperQuestion, key: PaperKey) {
	switch (question.type) {
		case 'choice':
		case 'multi': {
			expect(key.type).toBe(question.type);
			if (key.type !== 'choice' && key.type !== 'multi') return;
			const printed = key.options.map((at) => paper.choices![at]!.en).sort();
			const right = question.choices
				.filter((c) => c.correct)
				.map((c) => c.en)
				.sort();
			expect(printed).toEqual(right);
			expect([...paper.choices!].map((c) => c.en).sort()).toEqual(
				question.choices.map((c) => c.en).sort()
			);
			break;
		}
		case 'order': {
			if (key.type !== 'order') throw new Error('order key expected');
			const rebuilt: string[] = [];
			key.positions.forEach((position, at) => (rebuilt[position - 1] = paper.items![at]!.en));
			expect(rebuilt).toEqual(question.items.map((item) => item.en));
			break;
		}
		case 'match': {
			if (key.type !== 'match') throw new Error('match key expected');
			question.pairs.forEach((pair, left) => {
				expect(paper.lefts![left]).toEqual(pair.left);
				expect(paper.rights![key.rights[left]!]).toEqual(pair.right);
			});
			break;
		}
		case 'truefalse':
			expect(key).toEqual({ type: 'truefalse', value: question.answer });
			break;
		case 'short':
			expect(key).toEqual({
				type: 'text',
				lines: [{ ar: question.answers.ar[0], en: question.answers.en[0] }]
			});
			break;
		case 'cloze':
			expect(key).toEqual({ type: 'text', lines: question.gaps });
			expect(paper.cloze!.bank).toHaveLength(question.gaps.length + question.distractors.length);
			break;
		case 'evidence':
			expect(key).toEqual({
				type: 'text',
				lines: [{ ar: question.evidence, en: question.evidence_en }]
			});
			break;
	}
}

describe.each(lessons.map((lesson) => [lesson.id, lesson] as const))(
	'worksheet of %s',
	(_, lesson) => {
		it('prints the passage in both languages and every question, numbered from 1', () => {
			const sheet = worksheet(lesson, { key: false });
			expect(sheet.paragraphs).toEqual(lesson.paragraphs.map(({ ar, en }) => ({ ar, en })));
			expect(sheet.questions.map((q) => q.id)).toEqual(lesson.questions.map((q) => q.id));
			expect(sheet.questions.map((q) => q.number)).toEqual(lesson.questions.map((_, i) => i + 1));
		});

		it('carries no answers without the key', () => {
			const sheet = worksheet(lesson, { key: false });
			expect(sheet.key).toBeUndefined();
			expect(JSON.stringify(sheet)).not.toMatch(
				/"(correct|answers?|gaps|evidence|evidence_en|distractors)":/
			);
		});

		it('gives a key that matches what is printed', () => {
			const sheet = worksheet(lesson, { key: true });
			expect(sheet.key).toHaveLength(lesson.questions.length);
			lesson.questions.forEach((question, i) => {
				expectKeyFits(question, sheet.questions[i]!, sheet.key![i]!.answer);
			});
		});

		it('prints options in the same order every time, never in the authored order', () => {
			const first = worksheet(lesson, { key: true });
			expect(worksheet(lesson, { key: true })).toEqual(first);
			for (const question of lesson.questions) {
				if (question.type !== 'choice' || question.choices.length < 3) continue;
				const printed = first.questions.find((p) => p.id === question.id)!.choices!;
				expect(printed.map((c) => c.en)).not.toEqual(question.choices.map((c) => c.en));
			}
		});
	}
);

describe('letter', () => {
	it('labels options in each script', () => {
		expect([0, 1, 2].map((i) => letter(i, 'en'))).toEqual(['a', 'b', 'c']);
		expect([0, 1, 2, 3, 4].map((i) => letter(i, 'ar'))).toEqual(['أ', 'ب', 'ج', 'د', 'هـ']);
		expect(letter(40, 'en')).toBe('41');
	});
});
