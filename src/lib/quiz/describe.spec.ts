import { describe, expect, it } from 'vitest';
import { TINY } from '$lib/server/lessons.fixture';
import { clozeBank, type ClozeQuestion } from './cloze';
import { answerGroup, describeAnswer, describeKey, otherForms, readStoredAnswer } from './describe';

const gap = TINY.questions.find((q) => q.id === 'gap') as ClozeQuestion;
const remove = clozeBank(gap).findIndex((word) => word.en === 'remove');
const question = (id: string) => TINY.questions.find((q) => q.id === id)!;

describe('describeAnswer', () => {
	it('turns every answer type into text a teacher can read', () => {
		const read = (id: string, answer: unknown) =>
			describeAnswer(question(id), answer as never, TINY);
		expect(read('vote-count', { type: 'choice', choice: 1 })).toEqual({
			ar: '35 من 35',
			en: '35 of 35'
		});
		expect(read('who-spoke', { type: 'multi', choices: [2, 0] })?.en).toBe(
			'The council voted; The decision was rejected'
		);
		expect(read('final', { type: 'truefalse', value: 'not-given' })).toEqual({
			ar: 'لم يُذكر',
			en: 'Not given'
		});
		expect(read('how-many', { type: 'short', text: 'خمسة', lang: 'ar' })?.ar).toBe('خمسة');
		expect(read('sequence', { type: 'order', order: [2, 0, 1] })?.en).toBe(
			'The opinion → The vote → The statement'
		);
		expect(read('who-said', { type: 'match', pairs: [1, -1, 2] })?.en).toBe(
			'The writer = A statement; The head of the bloc = —; The council = A vote'
		);
		expect(read('gap', { type: 'cloze', fills: [remove] })).toEqual({ ar: 'إخراج', en: 'remove' });
		expect(read('opinion', { type: 'evidence', paragraph: 0, sentence: 1, lang: 'en' })?.en).toBe(
			'The head of the bloc said the decision was final.'
		);
		expect(read('vote-count', { type: 'truefalse', value: 'true' })).toEqual({
			ar: 'صح',
			en: 'True'
		});
		expect(read('sequence', { type: 'choice', choice: 0 })).toBeNull();
	});
});

describe('describeKey', () => {
	it('reads the lesson’s own key in each language', () => {
		expect(describeKey(question('vote-count'), TINY)).toEqual({ ar: '26 من 35', en: '26 of 35' });
		expect(describeKey(question('final'), TINY).en).toBe('True');
		expect(describeKey(question('sequence'), TINY).en).toBe(
			'The vote → The statement → The opinion'
		);
		const short = question('how-many');
		if (short.type !== 'short') throw new Error('how-many is a short answer');
		expect(describeKey(short, TINY)).toEqual({ ar: short.answers.ar[0], en: short.answers.en[0] });
		expect(otherForms(short)).toEqual({
			ar: short.answers.ar.slice(1),
			en: short.answers.en.slice(1)
		});
		expect(otherForms(question('vote-count'))).toEqual({ ar: [], en: [] });
		expect(describeKey(question('opinion'), TINY).en.length).toBeGreaterThan(0);
	});
});

describe('answerGroup', () => {
	it('groups typed answers as the grader reads them, and picks in any order', () => {
		expect(answerGroup({ type: 'short', text: ' Twenty-Six ', lang: 'en' })).toBe(
			answerGroup({ type: 'short', text: 'twenty six', lang: 'en' })
		);
		expect(answerGroup({ type: 'multi', choices: [2, 0] })).toBe(
			answerGroup({ type: 'multi', choices: [0, 2] })
		);
		expect(answerGroup({ type: 'choice', choice: 1 })).not.toBe(
			answerGroup({ type: 'choice', choice: 2 })
		);
	});
});

describe('readStoredAnswer', () => {
	it('reads stored JSON and refuses what no longer parses', () => {
		expect(readStoredAnswer('{"type":"choice","choice":1}')).toEqual({ type: 'choice', choice: 1 });
		expect(readStoredAnswer('{not json')).toBeNull();
		expect(readStoredAnswer('{"type":"nope"}')).toBeNull();
	});
});
