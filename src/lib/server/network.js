/**
 * The addresses phones can reach this computer at. A teacher who opens Qiraa at
 * http://localhost:3000 would otherwise hand out join links and QR codes naming `localhost`, which
 * on a phone means the phone itself. Plain JavaScript (with JSDoc types), so that `npm start`
 * (scripts/start.js, run by Node without a build step) lists the same addresses the pages use.
 */
import { networkInterfaces } from 'node:os';

/**
 * @typedef {{ address: string, family: string | number, internal: boolean }} InterfaceAddress
 * @typedef {Record<string, InterfaceAddress[] | undefined>} Interfaces
 */

/**
 * Tells whether a URL's host name is this computer's loopback (`localhost`, 127.x.y.z, ::1).
 * @param {string} hostname as `URL.hostname` gives it (IPv6 in brackets)
 */
export function isLoopback(hostname) {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return (
		host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1'
	);
}

/**
 * This computer's addresses on its networks: IPv4 first (what school Wi-Fi hands out), then
 * global IPv6; never loopback, and never IPv6 link-local (a phone cannot use it without a zone).
 * @param {Interfaces} [interfaces] `os.networkInterfaces()` by default
 * @returns {string[]} addresses, IPv6 ones without brackets
 */
export function networkAddresses(interfaces = networkInterfaces()) {
	const all = Object.values(interfaces).flatMap((list) => list ?? []);
	const external = all.filter((entry) => !entry.internal);
	const v4 = external.filter((entry) => entry.family === 'IPv4' || entry.family === 4);
	const v6 = external.filter(
		(entry) => (entry.family === 'IPv6' || entry.family === 6) && !/^fe[89ab]/i.test(entry.address)
	);
	return [...new Set([...v4, ...v6].map((entry) => entry.address))];
}

/**
 * The origins to put in join links for a page reached at `url`: its own, unless that names
 * this computer's loopback; then one per network address the server listens on, with the same
 * scheme and port.
 * @param {URL} url the teacher's request
 * @param {string | undefined} host the address the server listens on (`HOST`; unset or a
 *   wildcard means every one)
 * @param {Interfaces} [interfaces]
 * @returns {{ origins: string[], loopback: boolean, localOnly: boolean }} on loopback: `origins`
 *   empty when the computer is on no network, and `localOnly` with the page's own origin when the
 *   server listens on loopback alone (no phone can reach it either way)
 */
export function joinOrigins(url, host, interfaces) {
	if (!isLoopback(url.hostname)) {
		return { origins: [url.origin], loopback: false, localOnly: false };
	}
	const listen = (host ?? '').trim().replace(/^\[|\]$/g, '');
	if (listen !== '' && isLoopback(listen)) {
		return { origins: [url.origin], loopback: true, localOnly: true };
	}
	const wildcard = listen === '' || listen === '0.0.0.0' || listen === '::';
	const port = url.port === '' ? '' : `:${url.port}`;
	const origins = (wildcard ? networkAddresses(interfaces) : [listen]).map(
		(address) => `${url.protocol}//${address.includes(':') ? `[${address}]` : address}${port}`
	);
	return { origins, loopback: true, localOnly: false };
}
