import QRCode from 'qrcode';

/** The text as a QR code in an SVG data URL, which the renderer's CSP allows as an image (`img-src data:`). */
export async function qrSvgDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
