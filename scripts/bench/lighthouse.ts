/**
 * Lighthouse 12 on the production server with the system Chromium: mobile settings as Lighthouse
 * ships them (a mid-range phone on slow 4G, throttling simulated), performance only. Each run gets
 * a fresh browser and profile, so nothing is cached from the run before, and every figure is the
 * median of the runs, taken figure by figure.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { figure, type Figure } from './figures';
import { median, round } from './stats';

/** Flags for a headless Chromium on a machine with no network but loopback. */
export const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];

export const RUNS = 5;

/** What one run measured on one page. */
export interface LighthouseRun {
	performance: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	requests: number;
	/** Bytes transferred, by Lighthouse's resource type (`total`, `script`, `font`, …). */
	transfer: Record<string, number>;
}

export interface PageResult {
	path: string;
	runs: LighthouseRun[];
	median: LighthouseRun;
}

interface Audit {
	numericValue?: number;
	details?: { items?: { resourceType?: string; transferSize?: number; requestCount?: number }[] };
}

/** The part of Lighthouse's result (LHR) the bench reads. */
export interface LhrLike {
	categories: Record<string, { score: number | null } | undefined>;
	audits: Record<string, Audit | undefined>;
}

/** The figures of one run, from Lighthouse's result. */
export function readRun(lhr: LhrLike): LighthouseRun {
	const metric = (id: string) => {
		const value = lhr.audits[id]?.numericValue;
		if (value === undefined) throw new Error(`Lighthouse gave no ${id}`);
		return value;
	};
	const transfer: Record<string, number> = {};
	let requests = 0;
	for (const item of lhr.audits['resource-summary']?.details?.items ?? []) {
		if (item.resourceType === undefined) continue;
		transfer[item.resourceType] = item.transferSize ?? 0;
		if (item.resourceType === 'total') requests = item.requestCount ?? 0;
	}
	return {
		performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
		fcpMs: metric('first-contentful-paint'),
		lcpMs: metric('largest-contentful-paint'),
		tbtMs: metric('total-blocking-time'),
		cls: metric('cumulative-layout-shift'),
		requests,
		transfer
	};
}

/** The median of each figure over the runs (not the figures of one median run). */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
	const of = (pick: (run: LighthouseRun) => number) => median(runs.map(pick));
	const types = new Set(runs.flatMap((run) => Object.keys(run.transfer)));
	return {
		performance: of((run) => run.performance),
		fcpMs: of((run) => run.fcpMs),
		lcpMs: of((run) => run.lcpMs),
		tbtMs: of((run) => run.tbtMs),
		cls: of((run) => run.cls),
		requests: of((run) => run.requests),
		transfer: Object.fromEntries(
			[...types].map((type) => [type, of((run) => run.transfer[type] ?? 0)])
		)
	};
}

async function runOnce(url: string, chromePath: string): Promise<LighthouseRun> {
	const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance']
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		if (result.lhr.runtimeError) {
			throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
		}
		// Lighthouse types audit details as a union of every audit's shape; resource-summary's
		// is the table read above.
		return readRun(result.lhr as unknown as LhrLike);
	} finally {
		chrome.kill();
	}
}

/** Runs Lighthouse `runs` times on each page of a running server. */
export async function benchPages(
	origin: string,
	paths: readonly string[],
	chromePath: string,
	progress: (message: string) => void,
	runs = RUNS
): Promise<PageResult[]> {
	const results: PageResult[] = [];
	for (const path of paths) {
		const pageRuns: LighthouseRun[] = [];
		for (let i = 0; i < runs; i++) {
			progress(`lighthouse ${path}: run ${i + 1}/${runs}`);
			pageRuns.push(await runOnce(`${origin}${path}`, chromePath));
		}
		results.push({ path, runs: pageRuns, median: medianRun(pageRuns) });
	}
	return results;
}

const TYPES = ['document', 'script', 'stylesheet', 'font', 'image', 'other'] as const;

/** Figures for each page; the lesson budgets apply to lesson pages only. */
export function lighthouseFigures(results: readonly PageResult[]): Figure[] {
	return results.flatMap(({ path, median: run }) => {
		const lesson = path.includes('/lessons/');
		const budget = <T>(name: T) => (lesson ? name : undefined);
		return [
			figure(
				'lighthouse',
				`${path} · performance`,
				run.performance,
				'score',
				budget('lessonPerformance')
			),
			figure('lighthouse', `${path} · FCP`, round(run.fcpMs), 'ms'),
			figure('lighthouse', `${path} · LCP`, round(run.lcpMs), 'ms', budget('lessonLcp')),
			figure('lighthouse', `${path} · TBT`, round(run.tbtMs), 'ms', budget('lessonTbt')),
			figure('lighthouse', `${path} · CLS`, round(run.cls, 3), 'ratio', budget('lessonCls')),
			figure('lighthouse', `${path} · requests`, run.requests, 'count'),
			figure(
				'lighthouse',
				`${path} · transfer total`,
				run.transfer.total ?? null,
				'bytes',
				budget('lessonTransfer')
			),
			...TYPES.map((type) =>
				figure(
					'lighthouse',
					`${path} · transfer ${type}`,
					run.transfer[type] ?? 0,
					'bytes',
					type === 'script' ? budget('lessonJs') : undefined
				)
			)
		];
	});
}

/**
 * Each lesson page against quizdown's page of the same lesson (`/quizdown/<id>`), from the same
 * run: the peer's own figures, and the lesson page's LCP and script bytes as shares of the peer's.
 */
export function peerFigures(
	results: readonly PageResult[],
	peers: readonly PageResult[]
): Figure[] {
	return peers.flatMap(({ path, median: peer }) => {
		const id = path.split('/').pop()!;
		const lesson = results.find((result) => result.path.endsWith(`/lessons/${id}`))?.median;
		const share = (ours: number | undefined, theirs: number | undefined) =>
			ours === undefined || !theirs ? null : round(ours / theirs, 2);
		return [
			figure('lighthouse', `${path} · performance`, peer.performance, 'score'),
			figure('lighthouse', `${path} · LCP`, round(peer.lcpMs), 'ms'),
			figure('lighthouse', `${path} · TBT`, round(peer.tbtMs), 'ms'),
			figure('lighthouse', `${path} · CLS`, round(peer.cls, 3), 'ratio'),
			figure('lighthouse', `${path} · transfer total`, peer.transfer.total ?? null, 'bytes'),
			figure('lighthouse', `${path} · transfer script`, peer.transfer.script ?? 0, 'bytes'),
			figure(
				'lighthouse',
				`/lessons/${id} · LCP ÷ quizdown's`,
				share(lesson?.lcpMs, peer.lcpMs),
				'ratio',
				'lessonLcpVsPeer'
			),
			figure(
				'lighthouse',
				`/lessons/${id} · script ÷ quizdown's`,
				share(lesson?.transfer.script, peer.transfer.script),
				'ratio',
				'lessonJsVsPeer'
			)
		];
	});
}
