/**
 * A draft on a phone: the editor is made for a laptop or a tablet, but on a phone a draft can at
 * least be read, in both UI languages and both of its steps: nothing wider than the screen,
 * nothing cut off at its edges.
 */
import { overflowing } from './authoring';
import { makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';

const SOURCE = 'basra-council-us-forces';

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: a draft can be read on a phone`, async ({ page, playwright, baseURL }) => {
		test.setTimeout(90_000);
		const origin = baseURL!;
		const { teacher } = await makeClassroom(playwright, origin, []);
		const copied = await teacher.post('/teach/lessons?/copy', {
			headers: { origin, accept: 'text/html' },
			form: { id: SOURCE },
			maxRedirects: 0
		});
		expect(copied.status()).toBe(303);
		const editor = copied.headers()['location']!.replace(/^\/en/, '');
		await page.context().addCookies((await teacher.storageState()).cookies);
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
		await teacher.dispose();
	});
}
