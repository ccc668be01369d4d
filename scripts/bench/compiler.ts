/**
 * The lesson compiler at scale: 10, 100 and 1,000 lessons made from the real ones (each a copy
 * with an id of its own), written to a folder and compiled as the build compiles `lessons/`
 * (scripts/compile: on worker threads, one per core, from 200 lessons). Each size runs in a fresh
 * Node process (compiler-run.ts), so that memory figures start from the same empty heap and
 * nothing is remembered from another size.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { figure, type Figure } from './figures';
import type { LessonFiles } from './lessons';
import { round } from './stats';

export const SIZES = [10, 100, 1000] as const;

/**
 * `count` lessons cycling through `files`, each with a distinct id that names its folder and a
 * distinct article: every paragraph ends with the copy's number, so no copy's text is the same
 * as another's and nothing the compiler remembers from one copy helps it with the next.
 */
export function variants(files: readonly LessonFiles[], count: number): LessonFiles[] {
	return Array.from({ length: count }, (_, i) => {
		const source = files[i % files.length]!;
		const dir = `${source.dir}-bench-${i + 1}`;
		const yaml = source.yaml.replace(/^id:.*$/m, `id: ${dir}`);
		if (yaml === source.yaml) throw new Error(`${source.dir}/lesson.yaml has no top-level id line`);
		const article = source.article.replace(/(\S)[ \t]*$/gm, `$1 (${i + 1})`);
		return { dir, yaml, article };
	});
}

export interface CompilerRun {
	lessons: number;
	/** Wall-clock time. */
	ms: number;
	/**
	 * CPU time of the process meanwhile, compiler threads included: less swayed than `ms` by other
	 * work on the machine.
	 */
	cpuMs: number;
	/**
	 * Heap still in use after compiling, with what the build keeps (the compiled lessons as the
	 * source of the server's module) alive, less the heap before.
	 */
	heapDeltaMb: number;
	/** The process's peak resident memory, compiler threads included. */
	peakRssMb: number;
}

/** Runs one size in a child process and returns what it measured. */
export async function runSize(count: number): Promise<CompilerRun> {
	const script = fileURLToPath(new URL('./compiler-run.ts', import.meta.url));
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--expose-gc', '--import', 'tsx', script, String(count)],
		{ maxBuffer: 1024 * 1024 }
	);
	return JSON.parse(stdout) as CompilerRun;
}

export function compilerFigures(runs: readonly CompilerRun[]): Figure[] {
	return runs.flatMap((run) => [
		figure(
			'compiler',
			`${run.lessons.toLocaleString('en-US')} lessons · time`,
			round(run.ms, 1),
			'ms',
			run.lessons === 1000 ? 'compile1000' : undefined
		),
		figure(
			'compiler',
			`${run.lessons.toLocaleString('en-US')} lessons · CPU time`,
			round(run.cpuMs, 1),
			'ms'
		),
		figure(
			'compiler',
			`${run.lessons.toLocaleString('en-US')} lessons · heap kept`,
			round(run.heapDeltaMb, 1),
			'MB'
		),
		figure(
			'compiler',
			`${run.lessons.toLocaleString('en-US')} lessons · peak RSS`,
			round(run.peakRssMb, 1),
			'MB'
		)
	]);
}
