/**
 * YAML to plain data, keeping the document so every later problem can be pointed at a line and
 * column. YAML 1.2 (the `yaml` package's default) so `no`, `yes` and `012` stay what they look
 * like; duplicate keys and alias bombs are errors.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { LessonProblem } from './problem';

/** Keys and indexes from the document root to a value, as valibot reports them. */
export type DataPath = readonly (string | number)[];

export interface ParsedYaml {
	data: unknown;
	/** Finds the line and column of the value (or, with `key`, of the key) at a path. */
	locate(path: DataPath, key?: boolean): { line: number; col: number };
}

const MAX_ALIASES = 50;

/** Parses YAML text; returns the data and a locator, or the syntax problems. */
export function parseYaml(
	file: string,
	source: string
): { ok: true; value: ParsedYaml } | { ok: false; problems: LessonProblem[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter,
		prettyErrors: false,
		uniqueKeys: true,
		strict: true
	});
	const at = (offset: number) => {
		const pos = lineCounter.linePos(offset);
		return { line: pos.line, col: pos.col };
	};
	if (doc.errors.length > 0) {
		return {
			ok: false,
			problems: doc.errors.map((error) => ({
				file,
				...at(error.pos[0]),
				message: yamlMessage(error.code, error.message)
			}))
		};
	}
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIASES });
	} catch (error) {
		return {
			ok: false,
			problems: [
				{
					file,
					line: 1,
					col: 1,
					message: `YAML aliases expand too far: ${(error as Error).message}`
				}
			]
		};
	}
	return {
		ok: true,
		value: { data, locate: (path, key = false) => at(offsetOf(doc, path, key)) }
	};
}

function yamlMessage(code: string, message: string): string {
	if (code === 'DUPLICATE_KEY') return 'duplicate key (each key may appear once in a mapping)';
	return `YAML syntax error: ${message.replace(/\s+/g, ' ').trim()}`;
}

interface RangedNode {
	range?: [number, number, number] | null;
}

/**
 * The offset of the deepest node along the path that exists: a missing field is reported at
 * the mapping that lacks it.
 */
function offsetOf(doc: Document, path: DataPath, key: boolean): number {
	let best = (doc.contents as RangedNode | null)?.range?.[0] ?? 0;
	for (let depth = 1; depth <= path.length; depth++) {
		const partial = path.slice(0, depth);
		const node = doc.getIn(partial, true) as RangedNode | undefined;
		const isLast = depth === path.length;
		if (isLast && key) {
			const parent = doc.getIn(path.slice(0, -1), true) as
				{ items?: { key?: RangedNode & { value?: unknown } }[] } | undefined;
			const pair = parent?.items?.find((item) => item.key?.value === path[path.length - 1]);
			if (pair?.key?.range) return pair.key.range[0];
		}
		if (!node?.range) break;
		best = node.range[0];
	}
	return best;
}
