import { describe, expect, it } from 'vitest';
import type { OutboxItem } from './device-db';
import { savedAnswersCsv } from './saved-answers';

const WORDS = {
	className: 'Class',
	student: 'Student',
	lesson: 'Lesson',
	question: 'Question',
	answer: 'Answer',
	answeredAt: 'Answered at'
};

const item = (over: Partial<OutboxItem>): OutboxItem => ({
	id: crypto.randomUUID(),
	studentId: 's1',
	lessonId: 'basra-aegis-security',
	version: 'v1',
	questionId: 'q1',
	answer: { type: 'choice', choice: 2 },
	answeredAt: '2026-12-01T09:00:00.000Z',
	...over
});

const rows = (csv: string) =>
	csv
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));

describe('savedAnswersCsv', () => {
	it('writes every waiting answer, oldest first, under the headings, with a BOM', () => {
		const csv = savedAnswersCsv(
			[
				item({ questionId: 'q2', answeredAt: '2026-12-01T10:00:00.000Z' }),
				item({ answer: { type: 'short', text: 'ستة وعشرون', lang: 'ar' } })
			],
			{ className: 'الصف العاشر', name: 'ليلى' },
			WORDS,
			(id) => (id === 'basra-aegis-security' ? 'Aegis in Basra' : undefined)
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(rows(csv)).toEqual([
			Object.values(WORDS),
			['الصف العاشر', 'ليلى', 'Aegis in Basra', 'q1', 'ستة وعشرون', '2026-12-01T09:00:00.000Z'],
			[
				'الصف العاشر',
				'ليلى',
				'Aegis in Basra',
				'q2',
				'{"type":"choice","choice":2}',
				'2026-12-01T10:00:00.000Z'
			]
		]);
	});

	it('names a lesson it has no title for by its id, and defuses formulas', () => {
		const csv = savedAnswersCsv(
			[item({ lessonId: 'gone', answer: { type: 'short', text: '=HYPERLINK("x")', lang: 'en' } })],
			{ className: '+Class', name: '@me' },
			WORDS,
			() => undefined
		);
		expect(rows(csv)[1]!.slice(0, 5)).toEqual([
			"'+Class",
			"'@me",
			'gone',
			'q1',
			`'=HYPERLINK("x")`
		]);
	});
});
