import { expect, test } from './fixtures';
import { answerRight, loadLessons, setReading } from './lessons';

const LESSONS = loadLessons();

test('a student session makes no request to any other origin', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const origin = new URL(baseURL!).origin;
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
			foreign.push(request.url());
		}
	});
	for (const prefix of ['', '/en']) {
		await page.goto(`${prefix}/`);
		for (const lesson of LESSONS) {
			await page.goto(`${prefix}/lessons/${lesson.id}`);
			await setReading(page, 'ar', 'both');
			await page.locator('.passage button.term').first().click();
			await page.keyboard.press('Escape');
			// The device keeps answers across both interface languages: answer once.
			if (prefix === '') await answerRight(page, lesson, lesson.questions[0]!, 'ar');
			await page.goto(`${prefix}/lessons/${lesson.id}/result`);
			await page.waitForLoadState('networkidle');
		}
	}
	expect(foreign).toEqual([]);
});
