/**
 * The way into the teacher area and what a teacher's account needs, in both UI languages: the
 * "Teachers" link on student pages, sign-in that keeps where it was going, changing and resetting
 * a password, and the limits and checks a teacher and a student meet.
 */
import { joinAs, makeClassroom, newEmail, PASSWORD_HASH_TIMEOUT as SLOW } from './classroom';
import { expect, test, type Page } from './fixtures';
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
		// Switching the language on sign-in keeps where the teacher was going.
		const other = lang === 'ar' ? 'en' : 'ar';
		const next = new URL(page.url()).search;
		await page.getByRole('link', { name: other === 'en' ? 'English' : 'العربية' }).click();
		await expect(page).toHaveURL(`${prefix(other)}/teach/signin${next}`);
	});
}

const PASSWORD = 'olive trees by the shatt';
const LAPTOP = { viewport: { width: 1280, height: 900 } };

// Every test here signs a teacher up or in, each a deliberately slow hash.
test.describe.configure({ timeout: 180_000 });

/** Signs a new teacher up through the form; leaves the page on their classes. */
async function signUp(page: Page, lang: 'ar' | 'en') {
	const email = newEmail('account');
	await page.goto(`${prefix(lang)}/teach/signup`);
	await page.getByLabel(tx(lang, 'teach.account.email')).fill(email);
	await page.getByLabel(tx(lang, 'teach.account.password')).fill(PASSWORD);
	await page.getByRole('button', { name: tx(lang, 'teach.signup.submit') }).click();
	await expect(page).toHaveURL(`${prefix(lang)}/teach`, { timeout: SLOW });
	return email;
}

for (const lang of LANGS) {
	test(`a teacher changes their password and other devices are signed out (${lang})`, async ({
		browser,
		baseURL
	}) => {
		const here = await browser.newContext({ baseURL, ...LAPTOP });
		const page = await here.newPage();
		const email = await signUp(page, lang);
		const elsewhere = await browser.newContext({ baseURL, ...LAPTOP });
		const other = await elsewhere.newPage();
		await other.goto(`${prefix(lang)}/teach/signin`);
		await other.getByLabel(tx(lang, 'teach.account.email')).fill(email);
		await other.getByLabel(tx(lang, 'teach.account.password')).fill(PASSWORD);
		await other.getByRole('button', { name: tx(lang, 'teach.signin.submit') }).click();
		// Each password check is a deliberately slow hash, slower still on a busy machine.
		await expect(other).toHaveURL(`${prefix(lang)}/teach`, { timeout: SLOW });

		await page.getByRole('link', { name: tx(lang, 'teach.password.link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			tx(lang, 'teach.password.title')
		);
		await page.getByLabel(tx(lang, 'teach.password.current')).fill('not my password');
		await page.getByLabel(tx(lang, 'teach.password.new')).fill('a fresh password for the term');
		await page.getByRole('button', { name: tx(lang, 'teach.password.submit') }).click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			tx(lang, 'teach.errors.wrong-password'),
			{
				timeout: SLOW
			}
		);

		await page.getByLabel(tx(lang, 'teach.password.current')).fill(PASSWORD);
		await page.getByLabel(tx(lang, 'teach.password.new')).fill('aaaaaaaa');
		await page.getByRole('button', { name: tx(lang, 'teach.password.submit') }).click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			tx(lang, 'teach.errors.password-too-weak'),
			{
				timeout: SLOW
			}
		);

		await page.getByLabel(tx(lang, 'teach.password.current')).fill(PASSWORD);
		await page.getByLabel(tx(lang, 'teach.password.new')).fill('a fresh password for the term');
		await page.getByRole('button', { name: tx(lang, 'teach.password.submit') }).click();
		await expect(page.getByRole('main').getByRole('status')).toHaveText(
			tx(lang, 'teach.password.changed'),
			{
				timeout: SLOW
			}
		);

		// This device stays signed in; the other is sent to sign in.
		await page.goto(`${prefix(lang)}/teach`);
		await expect(page).toHaveURL(`${prefix(lang)}/teach`);
		await other.goto(`${prefix(lang)}/teach`);
		await expect(other).toHaveURL(new RegExp(`${prefix(lang)}/teach/signin\\?next=`));
		await here.close();
		await elsewhere.close();
	});

	test(`a forgotten password: without mail, the page says to ask the operator (${lang})`, async ({
		page
	}) => {
		await page.goto(`${prefix(lang)}/teach/signin`);
		await page.getByRole('link', { name: tx(lang, 'teach.forgot.link') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			tx(lang, 'teach.forgot.title')
		);
		await expect(page.getByRole('main').getByRole('status')).toContainText(
			tx(lang, 'teach.forgot.noMail')
		);
		await expect(page.getByRole('main').getByRole('status')).toContainText(
			'npm run admin -- reset-password'
		);

		// A link that was never issued (or is used, or expired) says so and offers a new one.
		await page.goto(`${prefix(lang)}/teach/reset/${'x'.repeat(43)}`);
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(
			tx(lang, 'teach.reset.invalid')
		);
		await page.getByRole('link', { name: tx(lang, 'teach.reset.again') }).click();
		await expect(page).toHaveURL(`${prefix(lang)}/teach/forgot`);
	});
}

for (const lang of LANGS) {
	test(`names: blank ones are refused, a student sees theirs, the teacher sees duplicates (${lang})`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		const classroom = await makeClassroom(playwright, baseURL!, []);
		await joinAs(classroom.teacher, baseURL!, classroom.code, 'Ali Hassan');
		await joinAs(classroom.teacher, baseURL!, classroom.code, 'ali  hassan');

		const phone = await browser.newContext({ baseURL });
		const student = await phone.newPage();
		await student.goto(`${prefix(lang)}/join/${classroom.code}`);
		for (const [name, key] of [
			['\u3164\u3164', 'join.invisibleName'],
			['\u2800', 'join.invisibleName']
		] as const) {
			await student.getByLabel(tx(lang, 'join.name')).fill(name);
			await student.getByRole('button', { name: tx(lang, 'join.submit') }).click();
			await expect(student.getByRole('main').getByRole('alert')).toHaveText(tx(lang, key));
		}
		await student.getByLabel(tx(lang, 'join.name')).fill('Noor K.');
		await student.getByRole('button', { name: tx(lang, 'join.submit') }).click();
		await expect(student.locator('[data-student-name]')).toHaveText(
			`${tx(lang, 'home.you')} Noor K.`
		);

		const laptop = await browser.newContext({
			baseURL,
			...LAPTOP,
			storageState: await classroom.teacher.storageState()
		});
		const teacher = await laptop.newPage();
		await teacher.goto(`${prefix(lang)}/teach/classes/${classroom.classId}`);
		const warning = teacher.locator('[data-duplicates]');
		// Two spellings of one name: both listed, and both marked in the roster.
		await expect(warning).toContainText(
			tx(lang, lang === 'ar' ? 'teach.roster.duplicates_two' : 'teach.roster.duplicates_other')
		);
		await expect(warning.getByRole('listitem')).toHaveCount(2);
		await expect(teacher.getByText(tx(lang, 'teach.roster.sameName'))).toHaveCount(2);
		await laptop.close();
		await phone.close();
		await classroom.teacher.dispose();
	});
}

for (const lang of LANGS) {
	test(`a join link on localhost says whether phones can reach it (${lang})`, async ({
		browser,
		baseURL,
		playwright
	}) => {
		// The test server listens on 127.0.0.1 alone (HOST), so no phone could open any link:
		// the class page and the projector say so instead of handing out a dead link.
		const classroom = await makeClassroom(playwright, baseURL!, []);
		const laptop = await browser.newContext({
			baseURL,
			...LAPTOP,
			storageState: await classroom.teacher.storageState()
		});
		const teacher = await laptop.newPage();
		for (const path of ['', '/show']) {
			await teacher.goto(`${prefix(lang)}/teach/classes/${classroom.classId}${path}`);
			await expect(teacher.locator('[data-network-note]')).toHaveText(
				tx(lang, 'teach.join.unreachable')
			);
		}
		await laptop.close();
		await classroom.teacher.dispose();
	});
}
