/**
 * The way into the teacher area and what a teacher's account needs, in both UI languages: the
 * "Teachers" link on student pages, sign-in that keeps where it was going, changing and resetting
 * a password, and the limits and checks a teacher and a student meet.
 */
import { expect, test } from './fixtures';
import { tx } from './i18n';

const LANGS = ['ar', 'en'] as const;
const prefix = (lang: 'ar' | 'en') => (lang === 'en' ? '/en' : '');

for (const lang of LANGS) {
	test(`every student page links to the teacher area (${lang})`, async ({ page }) => {
		for (const path of ['', '/lessons/basra-council-us-forces', '/join/ABCDEF']) {
			await page.goto(`${prefix(lang)}${path}`);
			await page.getByRole('link', { name: tx(lang, 'nav.teachers') }).click();
			await expect(page).toHaveURL(new RegExp(`^[^?]*${prefix(lang)}/teach/signin\\?next=`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				tx(lang, 'teach.signin.title')
			);
		}
	});
}
