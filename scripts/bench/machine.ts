/** What a bench run ran on and which code it measured, for bench/results.json. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
	cpu: string;
	cores: number;
	memoryGb: number;
	node: string;
	os: string;
	/** 1, 5 and 15 minute load averages: anything else running makes timings slower. */
	loadAverage: number[];
}

export function machine(): Machine {
	const list = cpus();
	return {
		cpu: list[0]?.model.trim() ?? 'unknown',
		cores: list.length,
		memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		os: `${type()} ${release()}`,
		loadAverage: loadavg().map((value) => Math.round(value * 100) / 100)
	};
}

export interface Commit {
	sha: string | null;
	/** Uncommitted changes to tracked files, which the figures include but the sha does not. */
	dirty: boolean;
}

export function commit(): Commit {
	try {
		const sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
		const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
			encoding: 'utf8'
		});
		return { sha, dirty: status.trim() !== '' };
	} catch {
		return { sha: null, dirty: false };
	}
}
