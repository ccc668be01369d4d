/**
 * Drafts kept on the device while the server cannot be reached: the editor writes the two files
 * here when a save fails for want of a network, with the revision they were based on, and pushes
 * them when it is back (a reload, a closed tab or a dropped connection loses nothing). Its own
 * IndexedDB database, apart from the student's, so the two never share a version upgrade.
 */
import { openDB, type DBSchema } from 'idb';
import type { DraftFiles } from '$lib/lesson/draft';

/** A draft's unsent edit. */
export interface LocalDraft {
	id: string;
	files: DraftFiles;
	/** The server's revision the edit was based on. */
	revision: number;
	savedAt: string;
}

interface AuthorDb extends DBSchema {
	drafts: { key: string; value: LocalDraft };
}

const open = () =>
	openDB<AuthorDb>('qiraa-author', 1, {
		upgrade(db) {
			db.createObjectStore('drafts', { keyPath: 'id' });
		}
	});

/** Whatever was read back is checked: storage can hold anything an older version wrote. */
function valid(value: unknown): value is LocalDraft {
	const draft = value as Partial<LocalDraft> | undefined;
	return (
		typeof draft?.id === 'string' &&
		typeof draft.revision === 'number' &&
		typeof draft.files?.article === 'string' &&
		typeof draft.files.lesson === 'string'
	);
}

/** The unsent edit of draft `id`, if any. */
export async function readLocal(id: string): Promise<LocalDraft | undefined> {
	const value = await (await open()).get('drafts', id);
	return valid(value) ? value : undefined;
}

/** Keeps an unsent edit, replacing the previous one. */
export async function keepLocal(draft: LocalDraft): Promise<void> {
	await (await open()).put('drafts', draft);
}

/** Forgets the unsent edit of draft `id` once the server has it. */
export async function dropLocal(id: string): Promise<void> {
	await (await open()).delete('drafts', id);
}
