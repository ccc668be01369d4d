import { describe, expect, it } from 'vitest';
import * as text from './index';

describe('$lib/text', () => {
	it('exports the whole public API', () => {
		expect(Object.keys(text).sort()).toEqual([
			'BIDI_CONTROLS',
			'escapeHtml',
			'findControlCharacter',
			'findQuote',
			'findTerm',
			'findTerms',
			'matchesTerm',
			'normalise',
			'readability',
			'segments',
			'segmentsHtml',
			'sentenceRuns',
			'splitSentences',
			'stems',
			'tokenise',
			'westernDigits'
		]);
	});
});
