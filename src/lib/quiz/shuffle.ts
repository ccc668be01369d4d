// FNV-1a: short, and spreads the bits of similar seeds ("lesson:q1", "lesson:q2") well enough for
// the PRNG below to mix them the rest of the way.
function hash(seed: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

// mulberry32: 32-bit state, uniform enough for shuffling a handful of options.
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Shuffles items the same way every time for the same seed, so options keep their places for a
 * student across reloads and devices. Seed it with something stable per student and question, such
 * as `${studentId}:${lessonId}:${questionId}`.
 *
 * With three items or more the result is never the authored order (it is rotated by one when the
 * shuffle lands there), because authors tend to write the right answer first. Two items may stay as
 * they are: forcing a swap would make their order as predictable as never shuffling.
 *
 * @returns every item once, each with its index in `items`; answers store that index
 */
export function shuffled<T>(items: readonly T[], seed: string): { item: T; index: number }[] {
	const result = items.map((item, index) => ({ item, index }));
	const next = random(hash(seed));
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		const a = result[i];
		const b = result[j];
		if (a !== undefined && b !== undefined) {
			result[i] = b;
			result[j] = a;
		}
	}
	if (result.length >= 3 && result.every((entry, position) => entry.index === position)) {
		const first = result.shift();
		if (first !== undefined) result.push(first);
	}
	return result;
}
