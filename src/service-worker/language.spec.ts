import { beforeEach, describe, expect, it } from 'vitest';
import { LanguageChoice } from './language';
import { FakeCacheStorage, ORIGIN } from './scope.fixture';

let storage: FakeCacheStorage;
let phone: string[];
const choice = () => new LanguageChoice(storage as unknown as CacheStorage, ORIGIN, () => phone);

beforeEach(() => {
	storage = new FakeCacheStorage();
	phone = ['en-US'];
});

describe('LanguageChoice', () => {
	it('follows the phone until a choice is made', async () => {
		expect(await choice().preferred()).toBe('en');
		phone = ['ar-IQ', 'en'];
		expect(await choice().preferred()).toBe('ar');
		phone = [];
		expect(await choice().preferred()).toBe('ar');
	});

	it('keeps the choice over the phone, also for the next worker', async () => {
		const first = choice();
		const writing = first.choose('ar');
		// At once, for the navigation that follows the switch.
		expect(await first.preferred()).toBe('ar');
		await writing;
		expect(await choice().preferred()).toBe('ar');
		await choice().choose('en');
		phone = ['ar'];
		expect(await choice().preferred()).toBe('en');
	});

	it('ignores what it cannot read', async () => {
		await (await storage.open('qiraa-meta')).put(`${ORIGIN}/__qiraa/lang`, new Response('fr'));
		expect(await choice().preferred()).toBe('en');
	});
});
