/**
 * The student on this device: the class joined (if any), the assignments as last fetched (kept
 * for offline use), and the outbox of answers on their way to the teacher. One instance, made by
 * the root layout and shared through context.
 */
import { getContext, setContext } from 'svelte';
import { deviceDb, type HomeCache, type Identity } from './device-db';
import {
	adoptIdentity,
	isRemoved,
	markRefused,
	onOutboxChange,
	pendingCount,
	pendingFor,
	sendOutbox,
	stuckAnswers,
	type SendOutcome,
	type Stuck
} from './outbox';
import { keepAssigned } from './kept-lessons.svelte';
import { allProgress, restoreProgress, timestamp } from './progress';

export type JoinResult = { ok: true } | { ok: false; status: number; code: string };

/**
 * A send that left answers behind (no network, or the server failed) is tried again this long
 * after, then twice as long each time up to `LAST_RETRY_MS`: an answer given in a moment's outage
 * goes out seconds after it, not at the next half-minute poll.
 */
export const FIRST_RETRY_MS = 2_000;
export const LAST_RETRY_MS = 30_000;

export class StudentState {
	identity = $state<Identity | undefined>();
	home = $state<HomeCache | undefined>();
	pending = $state(0);
	syncing = $state(false);
	/** Of `pending`, those given under the class joined now (joining another keeps them). */
	pendingHere = $state(0);
	/** Answers waiting under a class that no longer accepts this device (a removed student). */
	stuck = $state<Stuck[]>([]);
	/** The teacher removed the student joined now from the class: nothing more is sent. */
	removed = $state(false);
	/** How the last send ended, for the status line. */
	lastOutcome = $state<SendOutcome['status'] | undefined>();
	/**
	 * Questions answered on this device, by lesson: the home counts them before the server has
	 * them (it said "1 of 4 answered" offline, and after the worker sent the rest, for a student
	 * who had answered all four).
	 */
	answeredHere = $state<Record<string, number>>({});
	/**
	 * Counts the times the server's answers were written into this device's progress (a re-join
	 * on a new phone): a lesson already open takes them in.
	 */
	restored = $state(0);
	#queued = false;
	#retryMs = FIRST_RETRY_MS;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;

	/** Reads what the device holds, then tries to send and refresh. */
	async load(): Promise<void> {
		const db = await deviceDb();
		this.identity = (await db.get('meta', 'identity')) as Identity | undefined;
		this.home = (await db.get('meta', 'home')) as HomeCache | undefined;
		await this.recount();
		this.#keepAssigned();
		await this.sync();
	}

	/**
	 * Keeps the counts right when another page or the service worker sent the outbox.
	 * @returns a function that stops listening
	 */
	listen(): () => void {
		return onOutboxChange(() => void this.recount());
	}

	/** Counts what waits, and what cannot be sent. */
	async recount(): Promise<void> {
		this.pending = await pendingCount();
		this.pendingHere = this.identity ? await pendingFor(this.identity.studentId) : 0;
		this.stuck = await stuckAnswers();
		this.removed = this.identity
			? (await (await deviceDb()).get('identities', this.identity.studentId))?.removed === true
			: false;
		this.answeredHere = Object.fromEntries(
			(await allProgress()).map((progress) => [
				progress.lessonId,
				Object.keys(progress.questions).length
			])
		);
	}

	/** How many of a lesson's questions the student answered: on this device or as the server knows. */
	answeredOf(lessonId: string, onServer: number): number {
		return Math.max(onServer, this.answeredHere[lessonId] ?? 0);
	}

	/** Joins a class with its code and a display name; the device keeps the token. */
	async join(code: string, name: string): Promise<JoinResult> {
		let response: Response;
		try {
			response = await fetch('/api/join', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ code, name })
			});
		} catch {
			return { ok: false, status: 0, code: 'offline' };
		}
		const body = (await response.json().catch(() => ({}))) as Record<string, string>;
		if (!response.ok) return { ok: false, status: response.status, code: body.code ?? 'error' };
		const identity: Identity = {
			studentId: body.studentId!,
			token: body.token!,
			name: body.name!,
			classId: body.classId!,
			className: body.className!
		};
		// Answers waiting under the class left keep its token and still go to it.
		await adoptIdentity(identity);
		this.identity = identity;
		await this.sync();
		return { ok: true };
	}

	/** Sends waiting answers and refreshes the assignments; safe to call often. */
	async sync(): Promise<void> {
		if (this.syncing) {
			this.#queued = true;
			return;
		}
		this.syncing = true;
		let retry = false;
		try {
			const outcome = await sendOutbox();
			this.lastOutcome = outcome.status;
			retry = outcome.remaining > 0 && ['offline', 'failed'].includes(outcome.status);
			await this.recount();
			const waits = !['no-identity', 'removed'].includes(outcome.status);
			if (outcome.remaining > 0 && waits) void askBackgroundSync();
			if (this.identity && outcome.status !== 'offline' && !this.removed) {
				await this.#refreshHome();
			}
		} catch {
			this.lastOutcome = 'failed';
			retry = true;
		} finally {
			this.syncing = false;
		}
		this.#retryLater(retry);
		if (this.#queued) {
			this.#queued = false;
			await this.sync();
		}
	}

	/** Sends again after a while when answers were left behind; any send ends the wait. */
	#retryLater(retry: boolean): void {
		clearTimeout(this.#retryTimer);
		if (!retry) {
			this.#retryMs = FIRST_RETRY_MS;
			return;
		}
		this.#retryTimer = setTimeout(() => void this.sync(), this.#retryMs);
		this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS);
	}

	/** Counts the outbox again after an answer was queued, and sends it. */
	async answered(): Promise<void> {
		await this.recount();
		this.#keepAssigned();
		await this.sync();
	}

	async #refreshHome(): Promise<void> {
		const identity = this.identity!;
		const response = await fetch('/api/me', {
			headers: { authorization: `Bearer ${identity.token}` }
		});
		// With nothing to send, this is how a removed student's phone learns it.
		if (await isRemoved(response)) {
			await markRefused(identity, true);
			this.lastOutcome = 'removed';
			await this.recount();
			return;
		}
		if (!response.ok) return;
		const body = (await response.json()) as { classes: HomeCache['classes'] };
		const home: HomeCache = {
			fetchedAt: timestamp(),
			classes: body.classes.map((c) => ({
				id: c.id,
				name: c.name,
				assignments: c.assignments.map((a) => ({
					lessonId: a.lessonId,
					// Null for a lesson no longer in the library.
					version: a.version || undefined,
					title: a.title,
					dueDate: a.dueDate,
					questionCount: a.questionCount,
					answered: a.answered
				}))
			}))
		};
		await (await deviceDb()).put('meta', home, 'home');
		this.home = home;
		if (await lacksAnswers(home)) await this.#restoreAnswers();
		this.#keepAssigned();
	}

	/**
	 * Tells the service worker which lessons are assigned, so it downloads them in the background
	 * (they open offline without ever being opened online) and may clean up the others.
	 */
	#keepAssigned(): void {
		// Joined, but the assignments were never fetched: nothing is known to be unassigned yet.
		if (this.identity && !this.home) return;
		const lessons = (this.identity ? (this.home?.classes ?? []) : []).flatMap((group) =>
			group.assignments.flatMap((a) => (a.version ? [{ id: a.lessonId, version: a.version }] : []))
		);
		keepAssigned(lessons);
	}

	/** Brings back the answers the server holds and this device lacks (a re-join on a new phone). */
	async #restoreAnswers(): Promise<void> {
		const response = await fetch('/api/me/answers', {
			headers: { authorization: `Bearer ${this.identity!.token}` }
		});
		if (response.ok && (await restoreProgress(await response.json())) > 0) {
			this.restored += 1;
			await this.recount();
		}
	}
}

/**
 * Some assignment has more questions answered on the server than in this device's progress (a
 * lesson the student started again here does not count).
 */
async function lacksAnswers(home: HomeCache): Promise<boolean> {
	const kept = new Map(
		(await allProgress()).map((progress) => [
			progress.lessonId,
			progress.resetAt ? Infinity : Object.keys(progress.questions).length
		])
	);
	return home.classes.some((group) =>
		group.assignments.some(
			(assignment) => assignment.answered > (kept.get(assignment.lessonId) ?? 0)
		)
	);
}

/** The tag under which the service worker sends the outbox when the browser sees a connection. */
export const OUTBOX_SYNC_TAG = 'outbox';

/**
 * Asks the browser to wake the service worker when it is online again, even if Qiraa is closed.
 * Only Chromium has Background Sync; elsewhere the next open or reconnect sends the answers.
 */
async function askBackgroundSync(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registration = (await navigator.serviceWorker.getRegistration()) as
		(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
	await registration?.sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

const KEY = Symbol('student');

export function setStudent(state: StudentState): void {
	setContext(KEY, state);
}

export function getStudent(): StudentState {
	return getContext<StudentState>(KEY);
}
