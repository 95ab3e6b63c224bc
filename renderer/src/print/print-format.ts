// Formatting for printed documents. Times are printed the same way in both languages (year first,
// 24 hours, the UTC offset written out), because a printed page leaves the machine that made it and
// must say unambiguously when something happened.

/** `template` with each `{name}` replaced by its parameter. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An instant's date, time and UTC offset, e.g. `2026-12-02`, `08:30:05`, `UTC+8`, in `timeZone` (the machine's zone when not given). */
export function instantParts(iso: string, timeZone?: string, withSeconds = true): { date: string; time: string; zone: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // ICU writes the offset as GMT+8, and UTC itself as GMT or GMT+0.
  const zone = part('timeZoneName').replace(/^GMT/, 'UTC').replace(/^(UTC)?([+-]0)?$/, 'UTC');
  const time = withSeconds ? `${part('hour')}:${part('minute')}:${part('second')}` : `${part('hour')}:${part('minute')}`;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time, zone };
}

/** An instant as `2026-12-02 08:30:05 UTC+8` (instantParts). */
export function formatInstant(iso: string, timeZone?: string, withSeconds = true): string {
  const parts = instantParts(iso, timeZone, withSeconds);
  return parts === null ? iso : `${parts.date} ${parts.time} ${parts.zone}`;
}

/** A number answer as entered: no float noise (3.7 + 0.32 is not 4.0200000000000005), no grouping. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false }).format(value);
}

/** UTF-8 text (an SVG) as a base64 data: URL, the only kind of image the print view's CSP allows. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
