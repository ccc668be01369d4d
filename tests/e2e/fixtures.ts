/**
 * Playwright's `test`, with a guard every browser test runs under: any Content Security Policy
 * violation in any of the test's pages (the default context's and those made with
 * `browser.newContext`) fails the test, with the page and the directive it broke.
 */
import { test as base, type BrowserContext } from '@playwright/test';

export * from '@playwright/test';

const BINDING = '__reportCspViolation';

/** In each page: hands every violation event to the binding the context exposes. */
function reportViolations(binding: string) {
	document.addEventListener('securitypolicyviolation', (event) => {
		const report = (window as unknown as Record<string, (text: string) => void>)[binding];
		report?.(
			`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`
		);
	});
}

const watched = new WeakSet<BrowserContext>();

/**
 * Records every CSP violation in `context`'s pages into `violations`. The guard does this for the
 * test's contexts; a test that launches a browser of its own calls it for that one's.
 */
export async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
	if (watched.has(context)) return;
	watched.add(context);
	await context.exposeBinding(BINDING, ({ page }, text: string) => {
		violations.push(`${page.url()}: CSP violation: ${text}`);
	});
	await context.addInitScript(reportViolations, BINDING);
	context.on('console', (message) => {
		// Chromium's own report, which also covers what no event reaches.
		if (/Content Security Policy/.test(message.text())) {
			violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
		}
	});
}

export const test = base.extend<{ cspViolations: string[] }>({
	/** What the guard saw; a test that provokes a violation on purpose empties it afterwards. */
	cspViolations: [
		async ({ browser, context }, use) => {
			const violations: string[] = [];
			await watchCsp(context, violations);
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const made = await newContext.apply(browser, args);
				await watchCsp(made, violations);
				return made;
			};
			await use(violations);
			browser.newContext = newContext;
			base.expect(violations, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});
