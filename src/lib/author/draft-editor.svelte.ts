/**
 * The state of one draft in the browser editor: the model the forms bind to, its saving to the
 * server against the revision it was based on (debounced as the teacher types; kept on the device
 * while the server cannot be reached, and pushed when it can), a conflict when another tab saved
 * first (both versions kept until the teacher chooses), the live check, and publishing.
 */
import { filesToModel, modelToFiles, type DraftFiles, type DraftModel } from '$lib/lesson/draft';
import { checkFiles, type CheckedProblem } from './check';
import { dropLocal, keepLocal, readLocal } from './local-drafts';

/** A draft as the server sends it. */
export interface ServerDraft {
	id: string;
	article: string;
	lesson: string;
	revision: number;
	updatedAt: string;
}

/** Where the teacher's latest edit is. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'device' | 'conflict' | 'failed';

/** Both sides of a conflict: this tab's edit and what the server has now. */
export interface Conflict {
	mine: DraftFiles;
	theirs: ServerDraft;
}

const SAVE_DELAY_MS = 800;
const CHECK_DELAY_MS = 400;
const RETRY_MS = 15_000;

/** The device's clock as ISO text: when an unsent edit was kept. */
const now = () => new Date().toISOString();

const same = (a: DraftFiles, b: DraftFiles) => a.article === b.article && a.lesson === b.lesson;

export class DraftEditor {
	readonly id: string;
	model: DraftModel = $state() as DraftModel;
	readonly files: DraftFiles = $derived(modelToFiles(this.model));
	state: SaveState = $state('saved');
	conflict: Conflict | null = $state(null);
	problems: CheckedProblem[] = $state([]);
	/** True from an edit until the check of it is done: publishing waits for it. */
	checking = $state(true);
	#revision: number;
	#saved: DraftFiles;
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#checkTimer: ReturnType<typeof setTimeout> | undefined;
	#checkRun = 0;
	#inFlight: Promise<void> | null = null;

	constructor(draft: ServerDraft) {
		this.id = draft.id;
		this.model = filesToModel(draft);
		this.#revision = draft.revision;
		// What the server has, as this model writes it: a lesson written by hand differs from it
		// in layout (and comments), which is no edit; the first real edit saves the editor's form.
		this.#saved = this.files;
	}

	get revision(): number {
		return this.#revision;
	}

	/** Problems at one field (`paragraphs.2.en`). */
	problemsAt(field: string): CheckedProblem[] {
		return this.problems.filter((p) => p.field === field);
	}

	/**
	 * Called whenever `files` changes: schedules a save when they differ from what the server
	 * has, and a check.
	 */
	changed(): void {
		this.checking = true;
		clearTimeout(this.#checkTimer);
		this.#checkTimer = setTimeout(() => void this.#check(), CHECK_DELAY_MS);
		if (this.state === 'conflict') return;
		if (same(this.files, this.#saved)) return;
		this.state = 'pending';
		clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
	}

	async #check(): Promise<void> {
		const run = ++this.#checkRun;
		const files = this.files;
		const problems = await checkFiles(files);
		if (run !== this.#checkRun) return;
		this.problems = problems;
		this.checking = false;
	}

	/** Picks up an edit this device kept while offline: pushed, or a conflict if the server moved. */
	async restore(): Promise<void> {
		const local = await readLocal(this.id);
		if (!local || same(local.files, this.#saved)) return;
		if (local.revision === this.#revision) {
			this.model = filesToModel(local.files);
			await this.save();
		} else {
			this.conflict = {
				mine: local.files,
				theirs: { id: this.id, ...this.#saved, revision: this.#revision, updatedAt: '' }
			};
			this.state = 'conflict';
		}
	}

	/** Saves now; one save at a time, and the latest edit is saved after the one in flight. */
	async save(): Promise<void> {
		clearTimeout(this.#saveTimer);
		// A loop, not an `if`: two saves waiting on one in flight (the debounce firing while an
		// earlier save waits) must not both send, or the second sends a stale revision and this
		// tab takes its own edit for another's: a false conflict, seen while typing fast.
		while (this.#inFlight) {
			await this.#inFlight;
			if (this.state === 'conflict' || same(this.files, this.#saved)) return;
		}
		const mine = this.#put();
		this.#inFlight = mine;
		try {
			await mine;
		} finally {
			if (this.#inFlight === mine) this.#inFlight = null;
		}
	}

	async #put(): Promise<void> {
		const files = this.files;
		const revision = this.#revision;
		this.state = 'saving';
		let response: Response;
		try {
			response = await fetch(`/api/lessons/drafts/${this.id}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...files, revision })
			});
		} catch {
			// No network: kept on the device, and pushed when the server answers again.
			await keepLocal({ id: this.id, files, revision, savedAt: now() });
			this.state = 'device';
			this.#saveTimer = setTimeout(() => void this.save(), RETRY_MS);
			return;
		}
		if (response.status === 409) {
			const { draft } = (await response.json()) as { draft: ServerDraft };
			if (same(files, draft)) {
				// The other tab saved the very same edit: nothing to choose between.
				this.#revision = draft.revision;
				this.#saved = files;
				this.state = same(this.files, files) ? 'saved' : 'pending';
				if (this.state === 'pending') this.#saveTimer = setTimeout(() => void this.save(), 0);
				return;
			}
			this.conflict = { mine: files, theirs: draft };
			this.state = 'conflict';
			return;
		}
		if (!response.ok) {
			this.state = 'failed';
			return;
		}
		const saved = (await response.json()) as ServerDraft;
		this.#revision = saved.revision;
		this.#saved = files;
		await dropLocal(this.id);
		this.state = same(this.files, files) ? 'saved' : 'pending';
		if (this.state === 'pending') this.#saveTimer = setTimeout(() => void this.save(), 0);
	}

	/** Ends a conflict: keep this tab's version (saved over theirs) or take theirs. */
	async resolve(keep: 'mine' | 'theirs'): Promise<void> {
		const conflict = this.conflict;
		if (!conflict) return;
		this.conflict = null;
		this.#revision = conflict.theirs.revision;
		this.#saved = { article: conflict.theirs.article, lesson: conflict.theirs.lesson };
		if (keep === 'theirs') {
			this.model = filesToModel(conflict.theirs);
			this.state = 'saved';
			await dropLocal(this.id);
			return;
		}
		this.model = filesToModel(conflict.mine);
		await this.save();
	}

	/**
	 * Publishes what is saved; the caller allows it only when saved with no problem.
	 *
	 * @returns the lesson's id and version, or the reason it was refused
	 */
	async publish(): Promise<
		{ ok: true; id: string; version: string } | { ok: false; code: string }
	> {
		await this.save();
		if (this.state !== 'saved') return { ok: false, code: this.state };
		try {
			const response = await fetch(`/api/lessons/drafts/${this.id}/publish`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ revision: this.#revision })
			});
			const body = (await response.json()) as { id?: string; version?: string; code?: string };
			if (response.ok && body.id && body.version) {
				return { ok: true, id: body.id, version: body.version };
			}
			return { ok: false, code: body.code ?? 'failed' };
		} catch {
			return { ok: false, code: 'device' };
		}
	}
}
