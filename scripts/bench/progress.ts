/**
 * The progress line: on a terminal one line rewritten in place, elsewhere (CI logs) one line per
 * step. It goes to stderr so that stdout holds only the table.
 */
export type Progress = ((message: string) => void) & { done(): void };

export function progressLine(stream: NodeJS.WriteStream = process.stderr): Progress {
	const started = Date.now();
	const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
	let shown = false;
	const report = (message: string) => {
		const line = `bench [${elapsed()}] ${message}`;
		if (stream.isTTY) {
			stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 80) - 1)}`);
			shown = true;
		} else {
			stream.write(`${line}\n`);
		}
	};
	return Object.assign(report, {
		done() {
			if (shown) stream.write('\r\x1b[K');
			shown = false;
		}
	});
}
