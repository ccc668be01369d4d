/**
 * How a student likes to read, kept on the device (localStorage) and checked when read back,
 * since anything stored may be from an older version or edited by hand.
 */
import { browser } from '$app/environment';
import type { Lang } from '$lib/i18n';

export type ReadingMode = 'target' | 'both' | 'reveal';

/**
 * The passage's text sizes, as scales of its base size. A student starts in the middle, at 1.12
 * (about 21 px on a phone), with room to go smaller as well as larger.
 */
export const FONT_SIZES = [0.8, 0.9, 1, 1.12, 1.25, 1.4, 1.6] as const;
const MIDDLE = (FONT_SIZES.length - 1) / 2;

interface Stored {
	lang: Lang;
	mode: ReadingMode;
	/**
	 * An index into `FONT_SIZES`. Named anew when smaller sizes came in: an older `size` indexed
	 * other sizes, and is left for the middle.
	 */
	step: number;
}

const KEY = 'qiraa.reading';
const DEFAULTS: Stored = { lang: 'ar', mode: 'reveal', step: MIDDLE };

function read(): Stored {
	if (!browser) return DEFAULTS;
	try {
		const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
		return {
			lang: value?.lang === 'en' || value?.lang === 'ar' ? value.lang : DEFAULTS.lang,
			mode: ['target', 'both', 'reveal'].includes(value?.mode as string)
				? (value!.mode as ReadingMode)
				: DEFAULTS.mode,
			step:
				Number.isInteger(value?.step) && value!.step! >= 0 && value!.step! < FONT_SIZES.length
					? value!.step!
					: DEFAULTS.step
		};
	} catch {
		return DEFAULTS;
	}
}

export class ReadingPrefs {
	#state = $state<Stored>(DEFAULTS);

	/** Reads the stored choice; call once the page runs in the browser. */
	load(): void {
		this.#state = read();
	}

	get lang(): Lang {
		return this.#state.lang;
	}
	set lang(lang: Lang) {
		this.#save({ lang });
	}

	get mode(): ReadingMode {
		return this.#state.mode;
	}
	set mode(mode: ReadingMode) {
		this.#save({ mode });
	}

	/** The text size's step, an index into `FONT_SIZES`. */
	get size(): number {
		return this.#state.step;
	}

	/** The passage's font scale. */
	get scale(): number {
		return FONT_SIZES[this.#state.step] ?? 1;
	}

	resize(step: 1 | -1): void {
		this.#save({ step: Math.min(FONT_SIZES.length - 1, Math.max(0, this.#state.step + step)) });
	}

	#save(change: Partial<Stored>): void {
		this.#state = { ...this.#state, ...change };
		try {
			localStorage.setItem(KEY, JSON.stringify(this.#state));
		} catch {
			// Private mode or a full disk: the choice still holds for this visit.
		}
	}
}
