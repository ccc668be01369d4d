export { BIDI_CONTROLS, findControlCharacter, normalise, westernDigits } from './normalise';
export { stems, tokenise, type Token } from './tokenise';
export { findQuote, findTerm, findTerms, matchesTerm, type Span } from './find';
export { splitSentences } from './sentences';
export { readability, type Readability } from './readability';
export { segments, sentenceRuns, type Segment, type SentenceRun } from './segments';
export { escapeHtml, segmentsHtml } from './segments-html';
