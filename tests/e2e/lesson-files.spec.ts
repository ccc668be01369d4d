/**
 * Files out and copy-and-edit: any lesson a teacher may use downloads as its two files in a .zip,
 * byte for byte; a shipped lesson opens as a new draft under an id of its own, is published beside
 * the original, and its .zip imports back as the very same version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Locator, Page } from '@playwright/test';
import { LAPTOP, makeClassroom } from './classroom';
import { expect, test } from './fixtures';
import { tx } from './i18n';

const SHIPPED = 'basra-aegis-security';
const onDisk = (name: string) => readFileSync(join('lessons', SHIPPED, name), 'utf8');

test.use(LAPTOP);

/** The files in a downloaded .zip, by path, as text. */
async function unzipped(download: Download): Promise<Record<string, string>> {
	const bytes = readFileSync((await download.path())!);
	return Object.fromEntries(
		Object.entries(unzipSync(new Uint8Array(bytes))).map(([path, data]) => [path, strFromU8(data)])
	);
}

async function download(page: Page, link: Locator): Promise<Download> {
	const started = page.waitForEvent('download');
	await link.click();
	return started;
}

test('a shipped lesson downloads as its files, and opens as a draft that publishes beside it', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { teacher } = await makeClassroom(playwright, baseURL!, []);
	await page.context().addCookies((await teacher.storageState()).cookies);
	const id = `aegis-${Date.now().toString(36)}`;
	let version = '';

	await test.step('Arabic UI: the library lesson downloads as its two files', async () => {
		await page.goto('/teach/lessons');
		const library = page.getByRole('region', { name: tx('ar', 'teach.lessons.library') });
		const item = library.getByRole('listitem').filter({ hasText: SHIPPED });
		const zip = await download(
			page,
			item.getByRole('link', { name: tx('ar', 'teach.lessons.zip') })
		);
		expect(zip.suggestedFilename()).toBe(`${SHIPPED}.zip`);
		expect(await unzipped(zip)).toEqual({
			[`${SHIPPED}/article.ar.txt`]: onDisk('article.ar.txt'),
			[`${SHIPPED}/lesson.yaml`]: onDisk('lesson.yaml')
		});
	});

	await test.step('English UI: copied into a draft with an id of its own, and published', async () => {
		await page.goto('/en/teach/lessons');
		const library = page.getByRole('region', { name: tx('en', 'teach.lessons.library') });
		const item = library.getByRole('listitem').filter({ hasText: SHIPPED });
		await item.getByRole('button', { name: tx('en', 'teach.lessons.copy') }).click();
		await expect(page).toHaveURL(/\/en\/teach\/lessons\/drafts\/[0-9a-f-]{36}$/);
		const idField = page.getByLabel(tx('en', 'author.details.id'));
		await expect(idField).toHaveValue(new RegExp(`^${SHIPPED}-copy(?:-\\d+)?$`));
		// The live check runs once the page has started: typing before that raced hydration, which
		// set the field again between Playwright's select-all and its typing (the id came out as
		// the copy's id with the new one appended, once in a clean-clone run).
		await expect(page.getByText(tx('en', 'author.check.none'))).toBeVisible();
		await idField.fill(id);
		await page.getByLabel(tx('en', 'author.details.titleEn')).fill('Aegis, adapted');
		await expect(page.getByText(tx('en', 'author.check.none'))).toBeVisible();
		await expect(page.getByText(tx('en', 'author.save.saved'))).toBeVisible();
		await page.getByRole('button', { name: tx('en', 'author.publish.button') }).click();
		const published = page.getByText(new RegExp(`Published “${id}” \\(version (\\w+)\\)`));
		await expect(published).toBeVisible();
		version = /\(version (\w+)\)/.exec((await published.textContent())!)![1]!;
		// The original is as it was.
		expect(await (await page.request.get(`/api/lessons/${SHIPPED}/files`)).json()).toEqual({
			article: onDisk('article.ar.txt'),
			lesson: onDisk('lesson.yaml')
		});
	});

	await test.step('the copy’s .zip imports back as the very same version', async () => {
		await page.goto('/en/teach/lessons');
		const mine = page.getByRole('listitem').filter({ hasText: id }).first();
		const zip = await download(
			page,
			mine.getByRole('link', { name: tx('en', 'teach.lessons.files') })
		);
		const files = await unzipped(zip);
		expect(Object.keys(files).sort()).toEqual([`${id}/article.ar.txt`, `${id}/lesson.yaml`]);
		// Byte for byte what the server stored (the editor wrote the files it published).
		const stored = (await (await page.request.get(`/api/lessons/${id}/files`)).json()) as {
			article: string;
			lesson: string;
		};
		expect(files).toEqual({
			[`${id}/article.ar.txt`]: stored.article,
			[`${id}/lesson.yaml`]: stored.lesson
		});
		expect(stored.lesson).toContain('Aegis, adapted');
		await page
			.getByLabel(tx('en', 'teach.lessons.import.zip'), { exact: true })
			.setInputFiles((await zip.path())!);
		await page.getByRole('button', { name: tx('en', 'teach.lessons.import.submit') }).click();
		await expect(
			page
				.getByRole('status')
				.filter({ hasText: tx('en', 'teach.lessons.import.same', { id, version }) })
		).toBeVisible();
	});
	await teacher.dispose();
});
