/**
 * What a teacher sees, in both UI languages, on a laptop and on a phone: sign-up, a class made
 * with a time zone picked from the grouped, named list, lessons assigned with a due date gone by
 * (marked past due on the teacher's list and on the student's phone), the results grid, the CSV
 * downloaded from its link, and removing a student offering the class's answers first. Labels
 * come from the locale files; teacher.spec follows one class through in more depth.
 */
import { readFileSync } from 'node:fs';
import { devices, expect, test } from './fixtures';
import { joinAs, joinOnPage, parseCsv, signUpOnPage } from './classroom';
import { tx } from './i18n';
import { loadLessons } from './lessons';

const LESSON = loadLessons()[0]!;
const VIEWPORTS = {
	laptop: { viewport: { width: 1280, height: 900 } },
	phone: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } }
};
/** A date `days` from today, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Each test signs a teacher up (a deliberately slow password hash) and runs a class through:
// 20 s alone, several times that on a machine shared with other suites.
test.describe.configure({ timeout: 240_000 });

for (const lang of ['ar', 'en'] as const) {
	for (const [device, options] of Object.entries(VIEWPORTS)) {
		test(`${lang}, ${device}: a teacher signs up, makes a class, assigns, reads results and downloads them`, async ({
			browser,
			baseURL
		}) => {
			const prefix = lang === 'en' ? '/en' : '';
			const t = (key: string, values?: Record<string, string | number>) => tx(lang, key, values);
			const context = await browser.newContext({ baseURL, ...options, locale: 'ar-IQ' });
			const page = await context.newPage();
			await signUpOnPage(page, lang, lang === 'ar' ? 'أ. نور' : 'Ms Noor');

			let classId = '';
			await test.step('a class, with its time zone picked by region and name', async () => {
				await page.getByLabel(t('teach.classes.name'), { exact: true }).fill('Class 8');
				const zone = page.getByLabel(t('teach.classes.timeZone'));
				const asia = zone.locator(`optgroup[label="${t('teach.classes.zoneRegions.Asia')}"]`);
				await expect(asia.locator('option[value="Asia/Amman"]')).toContainText('Amman');
				await expect(asia.locator('option[value="Asia/Amman"]')).toContainText(/\+0?[23]/);
				// Link names (US/Eastern, Etc/GMT+3) are not offered; every option has a region.
				await expect(zone.locator('option[value="US/Eastern"]')).toHaveCount(0);
				await expect(zone.locator('option[value^="Etc/GMT"]')).toHaveCount(0);
				const loose = await zone.evaluate(
					(select) =>
						[...(select as HTMLSelectElement).options].filter(
							(option) => option.parentElement?.tagName !== 'OPTGROUP'
						).length
				);
				expect(loose).toBe(0);
				// However long a zone's name, the page is no wider than the screen.
				const wide = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(wide).toBeLessThanOrEqual(options.viewport.width);
				await zone.selectOption('Asia/Amman');
				await page.getByRole('button', { name: t('teach.classes.create') }).click();
				await expect(page).toHaveURL(new RegExp(`${prefix}/teach/classes/[0-9a-f-]{36}$`));
				classId = page.url().split('/').pop()!;
				await expect(page.locator('#settings-zone')).toHaveValue('Asia/Amman');
			});

			await test.step('a lesson assigned with a due date gone by is marked past due', async () => {
				await page.getByRole('link', { name: t('teach.assignments.assign') }).click();
				await page.getByRole('checkbox', { name: LESSON.title[lang] }).check();
				await page.getByLabel(t('teach.assign.due')).fill(day(-3));
				await page.getByRole('button', { name: t('teach.assign.submit'), exact: true }).click();
				await expect(page).toHaveURL(`${prefix}/teach/classes/${classId}#assignments`);
				const item = page.locator(`#assignments li[data-lesson="${LESSON.id}"]`);
				await expect(item.locator('[data-past-due]')).toHaveText(t('teach.assignments.pastDue'));
			});

			const code = (await page.locator('[data-join-code]').textContent())!;
			await test.step("the student's phone marks it past due too", async () => {
				const phone = await browser.newContext({ baseURL, ...VIEWPORTS.phone });
				const student = await phone.newPage();
				await joinOnPage(student, code, 'Huda P.', lang);
				await expect(student.locator('[data-past-due]')).toHaveText(t('home.pastDue'));
				await phone.close();
			});

			await test.step('the results grid shows each student and every question', async () => {
				const { token, studentId } = await joinAs(page.request, baseURL!, code, 'Sami K.');
				const choice = LESSON.questions.find((q) => q.type === 'choice')!;
				const synced = await page.request.post('/api/sync', {
					headers: { origin: baseURL!, authorization: `Bearer ${token}` },
					data: {
						attempts: [
							{
								id: crypto.randomUUID(),
								lessonId: LESSON.id,
								questionId: choice.id,
								answer: { type: 'choice', choice: 0 },
								answeredAt: new Date().toISOString()
							}
						]
					}
				});
				expect(synced.status()).toBe(200);
				await page.goto(`${prefix}/teach/classes/${classId}`);
				await page
					.locator(`#assignments li[data-lesson="${LESSON.id}"]`)
					.getByRole('link', { name: t('teach.assignments.results') })
					.click();
				await expect(page).toHaveURL(`${prefix}/teach/classes/${classId}/lessons/${LESSON.id}`);
				await expect(page.locator('table.grid thead th.q')).toHaveCount(LESSON.questions.length);
				await expect(page.locator('table.grid thead th.q').last()).toHaveText(
					t('teach.results.q', { number: LESSON.questions.length })
				);
				const row = page.locator(`tr[data-student="${studentId}"]`);
				await expect(row).toContainText('Sami K.');
				await expect(row.locator('[data-answered]')).toHaveText(`1/${LESSON.questions.length}`);
				// The answer arrived after the due date: late.
				await expect(row.locator('[data-late]')).toHaveCount(1);
				// A typed answer's key is its model answer; the other accepted forms are one tap away.
				const index = LESSON.questions.findIndex((q) => q.type === 'short');
				const short = LESSON.questions[index]!;
				if (short.type !== 'short') throw new Error('no short question');
				const key = page.locator('[data-right-answer]').nth(index);
				await expect(key.locator('bdi').first()).toHaveText(short.answers[lang][0]!);
				const others = short.answers[lang].length - 1;
				await key
					.locator('summary', {
						hasText: t(`teach.results.otherForms_${new Intl.PluralRules(lang).select(others)}`, {
							count: others,
							number: String(others)
						})
					})
					.click();
				await expect(key.getByRole('listitem')).toHaveText(short.answers[lang].slice(1));
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(width).toBeLessThanOrEqual(options.viewport.width);
			});

			await test.step('the CSV downloads from its link with the headings of the UI language', async () => {
				const download = page.waitForEvent('download');
				await page.getByRole('link', { name: t('teach.results.csv') }).click();
				const file = await download;
				expect(file.suggestedFilename()).toMatch(/Class 8.*\.csv$/);
				const rows = parseCsv(readFileSync((await file.path())!, 'utf8'));
				expect(rows[0]!.slice(0, 3)).toEqual([
					t('teach.csv.student'),
					t('teach.csv.lesson'),
					t('teach.csv.answered')
				]);
				expect(rows.map((r) => r[0])).toContain('Sami K.');
				expect(rows.find((r) => r[0] === 'Sami K.')![1]).toBe(LESSON.title[lang]);
			});

			await test.step('removing a student offers the class CSV first', async () => {
				await page.goto(`${prefix}/teach/classes/${classId}`);
				const roster = page.locator('#roster tr', { hasText: 'Sami K.' });
				await roster.getByRole('link', { name: t('teach.roster.remove') }).click();
				const keep = page.getByRole('link', { name: t('teach.delete.exportFirst') });
				await expect(keep).toHaveAttribute('href', `${prefix}/teach/classes/${classId}/export.csv`);
				await expect(
					page.getByRole('button', { name: t('teach.roster.removeSubmit') })
				).toBeVisible();
			});

			if (device === 'laptop') {
				await test.step('on a laptop the page stands in the middle, not against an edge', async () => {
					const box = (await page.locator('main').boundingBox())!;
					const left = box.x;
					const right = options.viewport.width - (box.x + box.width);
					expect(left).toBeGreaterThan(50);
					expect(Math.abs(left - right)).toBeLessThan(20);
				});
			}
			await context.close();
		});
	}
}
