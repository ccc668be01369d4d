import { describe, expect, it } from 'vitest';
import * as quiz from './index';

describe('$lib/quiz', () => {
	it('exports the whole public API', () => {
		expect(Object.keys(quiz).sort()).toEqual([
			'MAX_ANSWER_ITEMS',
			'MAX_ANSWER_TEXT',
			'answerFits',
			'answerSignature',
			'clozeBank',
			'evidenceSpan',
			'grade',
			'keyAnswer',
			'matchesAnswer',
			'matchesShort',
			'parseAnswer',
			'sameAnswer',
			'scoreLesson',
			'sentencesOf',
			'shuffled'
		]);
	});
});
