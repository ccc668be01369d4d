/**
 * How a student likes to read, kept on the device (localStorage) and checked when read back,
 * since anything stored may be from an older version or edited by hand.
 */
import { browser } from '$app/environment';
import type { Lang } from '$lib/i18n';

export type ReadingMode = 'target' | 'both' | 'reveal';

export const FONT_SIZES = [1, 1.12, 1.25, 1.4, 1.6] as const;

interface Stored {
	lang: Lang;
	mode: ReadingMode;
	size: number;
}

const KEY = 'qiraa.reading';
const DEFAULTS: Stored = { lang: 'ar', mode: 'reveal', size: 1 };

function read(): Stored {
	if (!browser) return DEFAULTS;
	try {
		const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
		return {
			lang: value?.lang === 'en' || value?.lang === 'ar' ? value.lang : DEFAULTS.lang,
			mode: ['target', 'both', 'reveal'].includes(value?.mode as string)
				? (value!.mode as ReadingMode)
				: DEFAULTS.mode,
			size:
				Number.isInteger(value?.size) && value!.size! >= 0 && value!.size! < FONT_SIZES.length
					? value!.size!
					: DEFAULTS.size
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

	get size(): number {
		return this.#state.size;
	}

	/** The passage's font scale. */
	get scale(): number {
		return FONT_SIZES[this.#state.size] ?? 1;
	}

	resize(step: 1 | -1): void {
		const size = Math.min(FONT_SIZES.length - 1, Math.max(0, this.#state.size + step));
		this.#save({ size });
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
