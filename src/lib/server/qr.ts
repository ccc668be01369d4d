import QRCode from 'qrcode';

/**
 * A QR code of `text` as an SVG data URL for an `<img>`: made on the server, so it shows without
 * JavaScript, and as an image rather than markup, so nothing is injected into the page. Black on
 * white with a quiet zone, which every phone camera reads, also off a projector.
 */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
