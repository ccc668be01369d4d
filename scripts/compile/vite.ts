/**
 * `virtual:lessons`: the lessons in `lessons/`, compiled by Vite when it builds the server (and in
 * dev when the server first needs them), so the built server starts with compiled lessons instead
 * of compiling them at start. An invalid lesson fails the build with the same lines that
 * `npm run lessons -- check` prints. In dev, editing, adding or removing a lesson file compiles
 * the lessons again, as any change to a module the server imports would.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

const ID = 'virtual:lessons';
const RESOLVED_ID = `\0${ID}`;
const FILES = ['lesson.yaml', 'article.ar.txt'];

type Folders = typeof import('./folders');

/** The Vite plugin that serves `virtual:lessons` from the lesson folders in `folder`. */
export function lessons(folder = 'lessons'): Plugin {
	let root = process.cwd();
	const isLessonFile = (file: string) => {
		const parts = relative(join(root, folder), file).split(sep);
		return parts.length === 2 && parts[0] !== '..' && FILES.includes(parts[1]!);
	};
	return {
		name: 'qiraa-lessons',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === ID ? RESOLVED_ID : undefined;
		},
		async load(id) {
			if (id !== RESOLVED_ID) return undefined;
			// Vite bundles this config file without the app's `$lib` alias, which the compiler
			// uses; tsx loads it with the tsconfig paths, as it does for the CLI.
			const { lessonFolders, lessonsModule }: Folders = await tsImport(
				'./folders.ts',
				import.meta.url
			);
			const files = lessonFolders(join(root, folder)).flatMap((dir) =>
				FILES.map((file) => join(dir, file))
			);
			for (const file of files) if (existsSync(file)) this.addWatchFile(file);
			return lessonsModule(join(root, folder), root);
		},
		// A lesson file added or deleted is not in the module graph yet (or any more): the lessons
		// are compiled again all the same. An edited one is, through addWatchFile.
		hotUpdate({ type, file }) {
			if (type === 'update' || !isLessonFile(file)) return undefined;
			const module = this.environment.moduleGraph.getModuleById(RESOLVED_ID);
			return module ? [module] : undefined;
		}
	};
}
