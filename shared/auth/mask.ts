// Masking for sensitive values shown in lists: enough to recognise, not enough to use.

/** Replaces all but the last `visible` characters with `•`, e.g. `6222 0212 3456 7890` → `•••••••••••••••7890`. */
export function maskLast4(value: string, visible = 4): string {
  const chars = Array.from(value.replace(/\s+/g, ''));
  // Short values would be shown nearly whole; hide them completely instead.
  if (chars.length <= visible * 2) return '•'.repeat(Math.max(chars.length, visible));
  return '•'.repeat(chars.length - visible) + chars.slice(-visible).join('');
}

/**
 * The characters maskLast4 leaves visible: what may be stored in clear beside an encrypted value
 * for lists and exports (an empty string for values short enough to be hidden whole).
 */
export function visibleTail(value: string, visible = 4): string {
  const chars = Array.from(value.replace(/\s+/g, ''));
  return chars.length <= visible * 2 ? '' : chars.slice(-visible).join('');
}

/**
 * A masked value from its stored tail alone, when the full value stays encrypted: `••••002X`. Its
 * length is not kept, so the dots are a fixed four and say nothing about it.
 */
export function maskFromTail(tail: string): string {
  return `••••${tail}`;
}
