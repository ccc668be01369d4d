import { describe, expect, it } from 'vitest';
import { newQuestion } from './questions';
import { linesOf, trySample } from './sample';

describe('trying a sample answer', () => {
	const question = {
		...newQuestion('short', []),
		answers: { ar: ['ثلاثمئة شجرة'], en: ['300 trees'] }
	};

	it('answers as the grader does, in either language', () => {
		expect(trySample(question, 'three hundred trees')).toBe(true);
		expect(trySample(question, '٣٠٠ شجرة')).toBe(true);
		expect(trySample(question, 'ثلاثمئة')).toBe(false);
		expect(trySample(question, 'four hundred trees')).toBe(false);
	});

	it('follows the accepted answers as they are edited', () => {
		expect(trySample(question, 'a park')).toBe(false);
		expect(trySample({ ...question, answers: { ar: [], en: ['a park'] } }, 'a park')).toBe(true);
	});

	it('has nothing to say without a sample or an accepted answer', () => {
		expect(trySample(question, '  ')).toBeNull();
		expect(trySample(newQuestion('short', []), 'anything')).toBeNull();
	});

	it('reads one accepted answer a line', () => {
		expect(linesOf('300 trees\n\n  three hundred trees \n')).toEqual([
			'300 trees',
			'three hundred trees'
		]);
	});
});
