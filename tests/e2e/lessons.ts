/** Lessons for the browser tests: the compiled lessons (so tests know every answer) and reading settings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { compileLesson, type Lesson } from '../../src/lib/lesson';

export function loadLessons(): Lesson[] {
	return readdirSync('lessons').map((dir) => {
		const yamlPath = join('lessons', dir, 'lesson.yaml');
		const articlePath = join('lessons', dir, 'article.ar.txt');
		const result = compileLesson({
			dir,
			yamlPath,
			yaml: readFileSync(yamlPath, 'utf8'),
			articlePath,
			article: readFileSync(articlePath, 'utf8')
		});
		if (!result.ok) throw new Error(`${dir} does not compile`);
		return result.lesson;
	});
}

/** Chooses the reading language and mode in the lesson page's settings. */
export async function setReading(
	page: Page,
	lang: 'ar' | 'en',
	mode: 'target' | 'both' | 'reveal'
) {
	const settings = page.locator('details.reading-settings');
	if (!(await settings.getAttribute('open'))) await settings.locator('summary').click();
	await settings.locator(`input[name="reading-lang"][value="${lang}"]`).check();
	await settings.locator(`input[name="reading-mode"][value="${mode}"]`).check();
}
