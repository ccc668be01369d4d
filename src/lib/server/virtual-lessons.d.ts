/** The compiled lessons, made by the build from `lessons/` (scripts/compile/vite.ts). */
declare module 'virtual:lessons' {
	import type { Lesson } from '$lib/lesson';

	const lessons: Lesson[];
	export default lessons;
}
