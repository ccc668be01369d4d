import { describe, expect, it } from 'vitest';
import { clozeBank, type ClozeQuestion } from './cloze';
import { CLOZE } from './questions.fixture';

describe('clozeBank', () => {
	it('holds every gap and distractor, sorted by normalised Arabic', () => {
		expect(clozeBank(CLOZE)).toEqual([
			{ ar: 'إبقاء', en: 'keep' },
			{ ar: 'إخراج', en: 'remove' },
			{ ar: 'الشرطة', en: 'police' },
			{ ar: 'القوات', en: 'forces' }
		]);
	});

	it('ignores vowel marks and alef forms when sorting', () => {
		const question: ClozeQuestion = {
			...CLOZE,
			gaps: [{ ar: 'بَيْت', en: 'house' }],
			distractors: [
				{ ar: 'أمل', en: 'hope' },
				{ ar: 'اسم', en: 'name' }
			]
		};
		expect(clozeBank(question).map((word) => word.en)).toEqual(['name', 'hope', 'house']);
	});

	it('breaks ties by the English, so the order never depends on the input order', () => {
		const question: ClozeQuestion = {
			...CLOZE,
			gaps: [{ ar: 'قرار', en: 'resolution' }],
			distractors: [{ ar: 'قرار', en: 'decision' }]
		};
		const swapped: ClozeQuestion = {
			...question,
			gaps: question.distractors,
			distractors: question.gaps
		};
		expect(clozeBank(question)).toEqual(clozeBank(swapped));
		expect(clozeBank(question).map((word) => word.en)).toEqual(['decision', 'resolution']);
	});

	it('works without distractors and leaves the question alone', () => {
		const question: ClozeQuestion = { ...CLOZE, distractors: [] };
		const before = structuredClone(question);
		const bank = clozeBank(question);
		expect(bank).toHaveLength(question.gaps.length);
		expect(question).toEqual(before);
		expect(bank[0]).not.toBe(question.gaps[0]);
	});
});
