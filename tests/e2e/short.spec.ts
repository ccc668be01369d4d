/**
 * Typed answers on the real lesson pages, in both reading languages: answers a fair reader accepts
 * (hedged, framed, in other digits, in the other language) are marked right, and a wrong one is
 * marked wrong. The answers are made from each question's own key, so the test follows the lessons.
 */
import { expect, test } from './fixtures';
import { tx } from './i18n';
import { card, loadLessons, setReading } from './lessons';
import type { CompiledQuestion } from '../../src/lib/lesson';

type Short = Extract<CompiledQuestion, { type: 'short' }>;

const LESSONS = loadLessons().map((lesson) => ({
	lesson,
	shorts: lesson.questions.filter((q): q is Short => q.type === 'short')
}));

const NUMBER = /\d[\d,]*/;
const indic = (text: string) =>
	text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

/** What a student reading `lang` types, made from the key; `right` says how it must be marked. */
const ROUNDS: {
	name: string;
	right: boolean;
	typed: (question: Short, lang: 'ar' | 'en') => string;
}[] = [
	{
		name: 'hedged or framed',
		right: true,
		typed: (question, lang) => {
			const key = question.answers[lang][0]!;
			if (NUMBER.test(key)) return lang === 'ar' ? `حوالي ${key} تقريباً` : `about ${key}`;
			return lang === 'ar' ? `يعود إلى ${key}` : `it refers to ${key}`;
		}
	},
	{
		name: 'in Arabic-Indic digits, or with an article',
		right: true,
		typed: (question, lang) => {
			const key = question.answers[lang][0]!;
			if (NUMBER.test(key)) return indic(key);
			return lang === 'ar' ? `هو ${key}` : `the ${key}`;
		}
	},
	{
		name: 'in the other language',
		right: true,
		typed: (question, lang) => question.answers[lang === 'ar' ? 'en' : 'ar'][0]!
	},
	{
		name: 'wrong',
		right: false,
		typed: (question, lang) => {
			const key = question.answers[lang][0]!;
			const number = key.match(NUMBER)?.[0];
			if (number) return key.replace(number, String(Number(number.replace(/,/g, '')) + 6));
			return lang === 'ar' ? `ليس ${key}` : `not ${key}`;
		}
	}
];

const STUDENTS = [
	{ ui: 'ar', prefix: '', reading: 'en' },
	{ ui: 'en', prefix: '/en', reading: 'ar' }
] as const;

for (const student of STUDENTS) {
	for (const round of ROUNDS) {
		test(`${student.ui} UI, reading ${student.reading}: a typed answer ${round.name} is marked ${round.right ? 'right' : 'wrong'}`, async ({
			page
		}) => {
			for (const { lesson, shorts } of LESSONS) {
				if (shorts.length === 0) continue;
				await page.goto(`${student.prefix}/lessons/${lesson.id}`);
				await setReading(page, student.reading, 'target');
				for (const question of shorts) {
					const box = card(page, question);
					const typed = round.typed(question, student.reading);
					const input = box.getByRole('textbox', { name: tx(student.ui, 'quiz.typeHere') });
					// Said before the check: either language counts.
					await expect(input).toHaveAccessibleDescription(tx(student.ui, 'quiz.eitherLanguage'));
					await input.fill(typed);
					await box.getByRole('button', { name: tx(student.ui, 'quiz.check') }).click();
					await expect(
						box.locator(round.right ? '.verdict.good' : '.verdict.bad'),
						`${question.id}: "${typed}"`
					).toBeVisible();
				}
			}
		});
	}
}
