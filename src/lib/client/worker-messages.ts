/**
 * What the pages tell the service worker, and what it tells them back. Pure, shared by both
 * sides; the worker checks every message it receives (another script on the origin, or an older
 * page, may send anything).
 */
import { isLang, type Lang } from '$lib/i18n';

export interface LessonRef {
	id: string;
	version: string;
}

export type WorkerMessage =
	/** The student accepted the new version. */
	| { type: 'SKIP_WAITING' }
	/** The UI language of the page shown: the device's choice. */
	| { type: 'LANG'; lang: Lang }
	/** The student opened a lesson: keep it on the phone. */
	| { type: 'OPENED'; lesson: LessonRef }
	/** Every lesson assigned to the student's classes, as last learned: keep them, clean the rest. */
	| { type: 'ASSIGNED'; lessons: LessonRef[] };

/** The cache holding the lessons kept on the phone, readable by the pages too. */
export const LESSON_CACHE = 'qiraa-lessons';
/** Where the index of kept lessons is, inside that cache. */
export const LESSON_INDEX = '/__qiraa/lessons.json';

/** A lesson kept on the phone, as the index records it. */
export interface StoredLesson {
	version: string;
	/** The app version whose build made the kept pages (their HTML names its scripts). */
	build: string;
	/** What its pages take on the phone. */
	bytes: number;
	storedAt: number;
	openedAt?: number;
	assigned: boolean;
}

export type LessonIndex = Record<string, StoredLesson>;

/** Sent by the worker to every page when the lessons kept on the phone changed. */
export const LESSONS_CHANGED = 'LESSONS_CHANGED';

const text = (value: unknown): value is string =>
	typeof value === 'string' && value.length > 0 && value.length <= 200;

function lessonRef(value: unknown): LessonRef | undefined {
	const ref = value as Partial<LessonRef> | null;
	if (ref === null || typeof ref !== 'object' || !text(ref.id) || !text(ref.version))
		return undefined;
	return { id: ref.id, version: ref.version };
}

/** The message in `data`, or undefined when it is none of ours or malformed. */
export function readMessage(data: unknown): WorkerMessage | undefined {
	if (data === null || typeof data !== 'object') return undefined;
	const message = data as Record<string, unknown>;
	switch (message.type) {
		case 'SKIP_WAITING':
			return { type: 'SKIP_WAITING' };
		case 'LANG':
			return isLang(message.lang) ? { type: 'LANG', lang: message.lang } : undefined;
		case 'OPENED': {
			const lesson = lessonRef(message.lesson);
			return lesson && { type: 'OPENED', lesson };
		}
		case 'ASSIGNED': {
			if (!Array.isArray(message.lessons) || message.lessons.length > 10_000) return undefined;
			const lessons = message.lessons.map(lessonRef);
			return lessons.every((ref) => ref !== undefined)
				? { type: 'ASSIGNED', lessons: lessons as LessonRef[] }
				: undefined;
		}
		default:
			return undefined;
	}
}
