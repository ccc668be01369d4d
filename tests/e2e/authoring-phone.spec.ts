/**
 * A draft on a phone: the editor is made for a laptop or a tablet, but on a phone a draft can at
 * least be read, in both UI languages and both of its steps: nothing wider than the screen,
 * nothing cut off at its edges.
 */
import { copyDraft, overflowing, SOURCE } from './authoring';
import { expect, test } from './fixtures';
import { tx } from './i18n';

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: a draft can be read on a phone`, async ({ page, playwright, baseURL }) => {
		test.setTimeout(90_000);
		const editor = await copyDraft(page, playwright, baseURL!);
		const prefix = lang === 'en' ? '/en' : '';
		await page.goto(`${prefix}${editor}`);
		await expect(page.getByLabel(tx(lang, 'author.details.id'))).toHaveValue(`${SOURCE}-copy`);
		await page.waitForLoadState('networkidle');
		for (const step of ['step2', 'step1'] as const) {
			await page.getByRole('button', { name: tx(lang, `author.editor.${step}`) }).click();
			// The top of each step, as a phone shows it (the whole page is checked below).
			await page.screenshot({ path: test.info().outputPath(`draft-${lang}-${step}.png`) });
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				'no horizontal scroll'
			).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
			expect(await overflowing(page)).toEqual([]);
		}
	});
}
