import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLesson } from '$lib/lesson';
import { answerKey, keyRepeatedBy } from './answer-key';

const dir = 'tests/fixtures/lessons/valid/tiny';
const result = compileLesson({
	dir: 'tiny',
	yamlPath: `${dir}/lesson.yaml`,
	yaml: readFileSync(`${dir}/lesson.yaml`, 'utf8'),
	articlePath: `${dir}/article.ar.txt`,
	article: readFileSync(`${dir}/article.ar.txt`, 'utf8')
});
if (!result.ok) throw new Error('the tiny fixture must compile');
const byId = (id: string) => result.lesson.questions.find((q) => q.id === id)!;
const label = (key: string) => `<${key}>`;

describe('answerKey', () => {
	it.each([
		['vote-count', 'en', ['26 of 35']],
		['who-spoke', 'en', ['The council voted', 'The head of the bloc spoke']],
		['final', 'ar', ['<true>']],
		['how-many', 'ar', ['26']],
		['sequence', 'en', ['The vote', 'The statement', 'The opinion']],
		['gap', 'ar', ['على الحكومة إبقاء عدد من القوات.']],
		['gap', 'en', ['The government should keep a number of forces.']],
		['opinion', 'ar', ['ويرى الكاتب أن على الحكومة إبقاء عدد من القوات']]
	] as const)('%s in %s', (id, lang, expected) => {
		expect(answerKey(byId(id), lang, label)).toEqual(expected);
	});

	it('pairs every match', () => {
		expect(answerKey(byId('who-said'), 'en', label)[0]).toBe('The writer ⟷ An opinion');
	});
});

describe('keyRepeatedBy', () => {
	it.each([
		[['False'], 'False: the council approved the plan.', true],
		[['خطأ'], 'خطأ: المجلس صادق على الخطة.', true],
		[['Not given'], 'not given. The text says nothing about it.', true],
		[['26 of 35'], '  26 of 35 members voted for it.', true]
	] as const)('%j is said by "%s"', (key, explanation, expected) => {
		expect(keyRepeatedBy(key, explanation)).toBe(expected);
	});

	it.each([
		[['False'], 'Falsely, the writer claims the opposite.'],
		[['26'], '260 people voted.'],
		[['True'], 'The council approved the plan.'],
		[['The vote', 'The statement'], 'The vote came first.'],
		[[''], 'Anything.']
	] as const)('%j is not said by "%s"', (key, explanation) => {
		expect(keyRepeatedBy(key, explanation)).toBe(false);
	});
});
