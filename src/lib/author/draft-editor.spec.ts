/**
 * The draft editor's saving: one save at a time, however many pile up behind the one in flight,
 * so a tab never sends a revision it has already used and takes its own edit for another's.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftEditor } from './draft-editor.svelte';

const dir = 'tests/fixtures/lessons/valid/tiny';
const DRAFT = {
	id: '00000000-0000-4000-8000-000000000001',
	article: readFileSync(`${dir}/article.ar.txt`, 'utf8'),
	lesson: readFileSync(`${dir}/lesson.yaml`, 'utf8'),
	revision: 1,
	updatedAt: '2026-12-06T00:00:00.000Z'
};

/**
 * A server that keeps one draft, answers a PUT with a stale revision 409 as the real one does,
 * and holds each answer until `release` is called.
 */
function fakeServer() {
	let stored = { ...DRAFT };
	let inFlight = 0;
	let mostAtOnce = 0;
	const waiting: (() => void)[] = [];
	const fetch = vi.fn(async (_url: string, init: { body: string }) => {
		inFlight++;
		mostAtOnce = Math.max(mostAtOnce, inFlight);
		await new Promise<void>((resolve) => waiting.push(resolve));
		inFlight--;
		const { article, lesson, revision } = JSON.parse(init.body) as typeof DRAFT;
		if (revision !== stored.revision) {
			return new Response(JSON.stringify({ draft: stored }), { status: 409 });
		}
		stored = { ...stored, article, lesson, revision: revision + 1 };
		return new Response(JSON.stringify(stored), { status: 200 });
	});
	return {
		fetch,
		mostAtOnce: () => mostAtOnce,
		stored: () => stored,
		/**
		 * Answers the oldest request held, once there is one (the editor may take a while to send
		 * its next); false when none came within a second.
		 */
		async release(): Promise<boolean> {
			const came = await vi
				.waitFor(() => expect(waiting.length).toBeGreaterThan(0), { timeout: 1000 })
				.then(() => true)
				.catch(() => false);
			if (came) waiting.shift()!();
			return came;
		}
	};
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('DraftEditor.save', () => {
	it('sends one save at a time when several wait behind one in flight', async () => {
		const server = fakeServer();
		vi.stubGlobal('fetch', server.fetch);
		const editor = new DraftEditor(DRAFT);
		editor.model.title.en = 'First';
		const first = editor.save();
		await new Promise((resolve) => setTimeout(resolve, 0));
		// The debounce and the save after an answer both ask to save while the first is out.
		editor.model.title.en = 'Second';
		const waiting = [editor.save(), editor.save()];
		await server.release();
		editor.model.title.en = 'Third';
		const later = editor.save();
		// Every request the editor sends is answered, however long it takes to send the next.
		while (await server.release());
		await Promise.all([first, ...waiting, later]);
		expect(server.mostAtOnce()).toBe(1);
		expect(editor.state).toBe('saved');
		expect(editor.conflict).toBeNull();
		expect(server.stored().lesson).toContain('Third');
		expect(editor.revision).toBe(server.stored().revision);
	});
});
