/**
 * Which build files only one area of the app needs, from Vite's manifest of the client build. Pure:
 * the manifest and the router's node files come in as data.
 */

/** An entry of Vite's build manifest (`.vite/manifest.json`), as far as it is read here. */
export interface ManifestChunk {
	file: string;
	css?: string[];
	assets?: string[];
	imports?: string[];
	dynamicImports?: string[];
	isEntry?: boolean;
	isDynamicEntry?: boolean;
}

/**
 * The files (as `/_app/…` paths) that only the router nodes whose source matches `area` load:
 * not the app's entry, no other node, nothing those import, now or lazily.
 *
 * @param nodeSources the router's node modules (`…/nodes/3.js`), each naming its route files
 */
export function filesOnlyFor(
	manifest: Record<string, ManifestChunk>,
	nodeSources: Record<string, string>,
	area: RegExp
): Set<string> {
	const inArea = new Set(
		Object.keys(manifest).filter((key) => {
			const source = nodeSources[key] ?? nodeSources[`/${key}`];
			return source !== undefined && area.test(source);
		})
	);
	const reached = (roots: string[]) => {
		const seen = new Set<string>();
		const files = new Set<string>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (!chunk || seen.has(key)) return;
			seen.add(key);
			for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
				files.add(`/${file}`);
			}
			for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) {
				if (!inArea.has(next)) visit(next);
			}
		};
		roots.forEach(visit);
		return files;
	};
	const elsewhere = reached(
		Object.entries(manifest)
			.filter(([key, chunk]) => (chunk.isEntry || chunk.isDynamicEntry) && !inArea.has(key))
			.map(([key]) => key)
	);
	const areaFiles = reached([...inArea]);
	return new Set([...areaFiles].filter((file) => !elsewhere.has(file)));
}
