// A signature's SVG comes from the renderer and is later drawn into the service report, so main
// keeps it only when it holds nothing but what signature_pad's toSVG() draws: no script, no
// links, no images, no event handlers, no text.
const allowedElements = new Set(['svg', 'g', 'rect', 'path', 'circle', 'line']);
const allowedAttributes = new Set([
  'xmlns', 'xmlns:xlink', 'viewBox', 'width', 'height', 'd', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'r', 'cx', 'cy', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
]);
// Attribute values: numbers, colours, path data, the two namespace URLs, 100%.
const safeValue = /^(?:[-0-9.,\s a-zA-Z#%()]*|http:\/\/www\.w3\.org\/2000\/svg|http:\/\/www\.w3\.org\/1999\/xlink)$/;

/** True when `svg` is one <svg> element of drawing elements only, with plain attribute values. */
export function isSafeSignatureSvg(svg: string): boolean {
  const text = svg.trim();
  if (!text.startsWith('<svg') || !text.endsWith('</svg>')) return false;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/gy;
  let at = 0;
  while (at < text.length) {
    const space = /\s*/y;
    space.lastIndex = at;
    space.exec(text);
    at = space.lastIndex;
    if (at >= text.length) break;
    tag.lastIndex = at;
    const match = tag.exec(text);
    if (match === null) return false;
    if (!allowedElements.has(match[2]!)) return false;
    for (const attribute of match[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (!allowedAttributes.has(attribute[1]!) || !safeValue.test(attribute[2]!)) return false;
    }
    at = tag.lastIndex;
  }
  return true;
}
