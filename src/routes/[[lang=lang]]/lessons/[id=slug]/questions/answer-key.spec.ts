import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLesson } from '$lib/lesson';
import { answerKey } from './answer-key';

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
		['sequence', 'en', ['1. The vote', '2. The statement', '3. The opinion']],
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
