/** The command line of `npm run bench`. */
import { PARTS, type Part } from './figures';

/** The parts to run from the command line's arguments, or null for a usage error. */
export function partsFrom(args: readonly string[]): Part[] | null {
	if (args.length === 0) return [...PARTS];
	const [flag, value, ...rest] = args;
	if (flag !== '--only' || rest.length > 0) return null;
	const parts = (value ?? '').split(',');
	return parts.every((part): part is Part => (PARTS as readonly string[]).includes(part))
		? parts
		: null;
}
