/** A lesson compiler thread (see pool.ts): compiles each batch it is sent and sends it back. */
import { parentPort } from 'node:worker_threads';
import type { LessonSource } from '../../src/lib/lesson/index';
import { compileToJson } from './pool';

// `yaml` reads process.env.LOG_TOKENS for every token it reads, about 6,600 in a lesson, and in a
// worker each read of the native process.env costs about half a microsecond: 2 to 3 ms of a
// 15 ms compile. A worker's process.env is already its own copy of the parent's, so a plain
// object with the same entries reads the same and costs nothing.
process.env = { ...process.env };

parentPort!.on('message', (sources: LessonSource[]) => {
	parentPort!.postMessage(sources.map(compileToJson));
});
