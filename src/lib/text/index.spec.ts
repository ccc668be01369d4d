import { describe, expect, it } from 'vitest';
import * as text from './index';

describe('$lib/text', () => {
	it('exports the whole public API', () => {
		expect(Object.keys(text).sort()).toEqual([
			'BIDI_CONTROLS',
			'findControlCharacter',
			'findQuote',
			'findTerm',
			'findTerms',
			'matchesTerm',
			'normalise',
			'readability',
			'segments',
			'sentenceRuns',
			'splitSentences',
			'stems',
			'tokenise',
			'westernDigits'
		]);
	});
});
