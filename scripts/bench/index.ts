/**
 * `npm run bench [-- --only lighthouse|bytes|precache|sync|compiler|results|store|authoring]`: measures the production build on
 * this machine, prints a table of figures with their budgets, and writes bench/results.json.
 * The parts live beside this file; this one only runs them in order.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, ensureBuild } from './build';
import { partsFrom } from './args';
import { PARTS, type Figure } from './figures';
import { commit, machine } from './machine';
import { progressLine } from './progress';
import { renderTable, tally } from './table';

const RESULTS = join('bench', 'results.json');
const USAGE = `usage: npm run bench [-- --only ${PARTS.join('|')}]\n`;
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Runs `work` against `node build` on a fresh, empty database, and stops the server after. */
async function withServer<T>(
	progress: (message: string) => void,
	part: string,
	work: (origin: string) => Promise<T>
): Promise<T> {
	const { startServer } = await import('./server');
	const dataDir = mkdtempSync(join(tmpdir(), 'qiraa-bench-'));
	progress(`${part}: starting the server`);
	const server = await startServer(BUILD_DIR, { DATA_DIR: dataDir });
	try {
		return await work(server.origin);
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

async function main(): Promise<number> {
	const parts = partsFrom(process.argv.slice(2));
	if (parts === null) {
		process.stderr.write(USAGE);
		return 2;
	}
	const progress = progressLine();
	const startMachine = machine();
	const figures: Figure[] = [];
	const details: Record<string, unknown> = {};
	ensureBuild(progress);
	// Loaded after the build: the parts import the app's modules, whose aliases resolve through
	// the tsconfig that SvelteKit generates.
	const { lessonPages, pageBytes, bytesFigures } = await import('./bytes');
	const pages = lessonPages();

	if (parts.includes('lighthouse')) {
		const { benchPages, lighthouseFigures, peerFigures } = await import('./lighthouse');
		const { compiledLessons } = await import('../compile/folders');
		const { startPeer } = await import('./quizdown');
		const peer = await startPeer(BUILD_DIR, compiledLessons());
		try {
			const results = await withServer(progress, 'lighthouse', (origin) =>
				benchPages(origin, ['/', ...pages], CHROME, progress)
			);
			const lessonIds = pages.map((page) => page.split('/').pop()!);
			const peers = await benchPages(peer.origin, lessonIds.map(peer.path), CHROME, progress);
			details.lighthouse = results;
			details.quizdown = peers;
			figures.push(...lighthouseFigures(results), ...peerFigures(results, peers));
		} finally {
			await peer.close();
		}
	}

	if (parts.includes('bytes')) {
		// Pages are rendered on request: their HTML comes from the server, the rest from the build.
		const served = await withServer(progress, 'bytes', async (origin) => {
			const html = async (page: string) => (await fetch(`${origin}${page}`)).text();
			return Promise.all(['/', ...pages].map(html));
		});
		progress('bytes: reading the build');
		const sizes = pages.map((page, i) => pageBytes(BUILD_DIR, page, '.svelte-kit', served[i + 1]));
		// The library, the page a student opens first: measured, with no budget of its own.
		const others = [pageBytes(BUILD_DIR, '/', '.svelte-kit', served[0])];
		details.bytes = [...sizes, ...others].map(({ page, totals, js, data, css, fonts, later }) => ({
			page,
			totals,
			files: [...js, ...data, ...css, ...fonts].map(({ path, raw, transfer }) => ({
				path,
				raw,
				transfer
			})),
			later: later.map(({ path, raw, transfer }) => ({ path, raw, transfer }))
		}));
		figures.push(...bytesFigures(sizes, others));
	}

	if (parts.includes('precache')) {
		const { measurePrecache, precacheFigures } = await import('./precache');
		const result = await withServer(progress, 'precache', async (origin) => {
			progress('precache: installing the service worker in Chromium');
			return measurePrecache(origin, CHROME);
		});
		details.precache = result;
		figures.push(...precacheFigures(result));
	}

	if (parts.includes('sync')) {
		const { benchSync, syncFigures } = await import('./sync');
		const { compiledLessons } = await import('../compile/folders');
		const results = await benchSync(
			BUILD_DIR,
			compiledLessons(),
			process.env.DATABASE_URL,
			progress
		);
		details.sync = results;
		figures.push(...results.flatMap(syncFigures));
	}

	if (parts.includes('results')) {
		const { benchResults, resultsFigures } = await import('./results');
		const { compiledLessons } = await import('../compile/folders');
		// PostgreSQL as for sync (DATABASE_URL), or the tests' database when only that is set.
		const runs = await benchResults(
			BUILD_DIR,
			compiledLessons(),
			process.env.DATABASE_URL || process.env.TEST_DATABASE_URL,
			progress
		);
		details.results = runs;
		figures.push(...resultsFigures(runs));
	}

	if (parts.includes('compiler')) {
		const { SIZES, runSize, compilerFigures } = await import('./compiler');
		const runs = [];
		for (const size of SIZES) {
			progress(`compiler: ${size.toLocaleString('en-US')} lessons`);
			runs.push(await runSize(size));
		}
		details.compiler = runs;
		figures.push(...compilerFigures(runs));
	}

	if (parts.includes('store')) {
		const { benchStore, storeFigures, storeSizes } = await import('./store');
		const { readLessonFiles } = await import('./lessons');
		const runs = await benchStore(
			BUILD_DIR,
			readLessonFiles(),
			process.env.DATABASE_URL,
			progress,
			storeSizes()
		);
		details.store = runs;
		figures.push(...storeFigures(runs));
	}

	if (parts.includes('authoring')) {
		const { benchAuthoring, authoringFigures } = await import('./authoring');
		const run = await withServer(progress, 'authoring', (origin) =>
			benchAuthoring(origin, CHROME, progress)
		);
		details.authoring = run;
		figures.push(...authoringFigures(run));
	}

	progress.done();
	const endMachine = machine();
	const { checked, failed } = tally(figures);
	process.stdout.write(renderTable(figures));
	process.stdout.write(`\n${checked - failed} of ${checked} budgets met.\n`);
	mkdirSync('bench', { recursive: true });
	writeFileSync(
		RESULTS,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				machine: { ...startMachine, loadAverageAfter: endMachine.loadAverage },
				commit: commit(),
				parts,
				figures,
				budgets: { checked, failed },
				details
			},
			null,
			'\t'
		) + '\n'
	);
	process.stdout.write(`Wrote ${RESULTS}.\n`);
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(
			`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
		);
		process.exitCode = 1;
	}
);
