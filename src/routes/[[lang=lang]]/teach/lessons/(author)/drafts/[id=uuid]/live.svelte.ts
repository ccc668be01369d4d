/**
 * The editor's one polite announcement channel: what a row action did (moved, duplicated,
 * removed) is said once to a screen reader, from a single live region, instead of each list
 * keeping a region of its own.
 */
import { getContext, setContext, tick } from 'svelte';

const KEY = Symbol('author-live');

export class Live {
	message = $state('');

	/** Says `text`; said again when it repeats, since a region only speaks when it changes. */
	async say(text: string) {
		this.message = '';
		await tick();
		this.message = text;
	}
}

/** Makes the channel for the editor below; its region is rendered by `LiveRegion`. */
export function setLive(): Live {
	return setContext(KEY, new Live());
}

/** The editor's channel, or none outside one (a component rendered on its own). */
export function getLive(): Live | undefined {
	return getContext<Live | undefined>(KEY);
}
