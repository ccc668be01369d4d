/**
 * What the worker learns from SvelteKit's build output, read when the worker itself is built (by
 * then the client is built and the pages prerendered). Where a file is missing, as in a unit test
 * or if SvelteKit moves its output, the maps are empty and everything is precached as it is.
 */
import { filesOnlyFor, type ManifestChunk } from './chunks';

const DATA_FOLDER = '/.svelte-kit/output/prerendered/dependencies';

/**
 * Each prerendered page's data (`__data.json`), emitted once more as a file named by its content:
 * pages whose server data is the same (a lesson's page and its result page, in both interface
 * languages) share one file, which the precache downloads and keeps once instead of four times.
 */
const dataFiles = import.meta.glob<string>(
	'/.svelte-kit/output/prerendered/dependencies/**/__data.json',
	{ query: '?url&no-inline', import: 'default', eager: true }
);

/** A page's data path (`/en/lessons/x/__data.json`) → the file with the same content. */
export const dataAssets: ReadonlyMap<string, string> = new Map(
	Object.entries(dataFiles).map(([file, url]) => [file.slice(DATA_FOLDER.length), url])
);

const manifests = import.meta.glob<Record<string, ManifestChunk>>(
	'/.svelte-kit/output/client/.vite/manifest.json',
	{ import: 'default', eager: true }
);
const nodes = import.meta.glob<string>('/.svelte-kit/generated/client-optimized/nodes/*.js', {
	query: '?raw',
	import: 'default',
	eager: true
});

/**
 * The code only the teacher area (`/teach`) loads. Students never open it and teachers use it
 * online, so it stays out of the precache; a teacher's browser fetches it when needed.
 */
export const teacherOnly: ReadonlySet<string> = filesOnlyFor(
	Object.values(manifests)[0] ?? {},
	nodes,
	/\/src\/routes\/(?:[^"]*\/)?teach\//
);
