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

export const test = base.extend<{ cspViolations: string[] }>({
	/** What the guard saw; a test that provokes a violation on purpose empties it afterwards. */
	cspViolations: [
		async ({ browser, context }, use) => {
			const violations: string[] = [];
			const watched = new WeakSet<BrowserContext>();
			const watch = async (watchedContext: BrowserContext) => {
				if (watched.has(watchedContext)) return;
				watched.add(watchedContext);
				await watchedContext.exposeBinding(BINDING, ({ page }, text: string) => {
					violations.push(`${page.url()}: CSP violation: ${text}`);
				});
				await watchedContext.addInitScript(reportViolations, BINDING);
				watchedContext.on('console', (message) => {
					// Chromium's own report, which also covers what no event reaches.
					if (/Content Security Policy/.test(message.text())) {
						violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
					}
				});
			};
			await watch(context);
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const made = await newContext.apply(browser, args);
				await watch(made);
				return made;
			};
			await use(violations);
			browser.newContext = newContext;
			base.expect(violations, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});
