// Masking for sensitive values shown in lists: enough to recognise, not enough to use.

/** Replaces all but the last `visible` characters with `•`, e.g. `6222 0212 3456 7890` → `•••••••••••••••7890`. */
export function maskLast4(value: string, visible = 4): string {
  const chars = Array.from(value.replace(/\s+/g, ''));
  // Short values would be shown nearly whole; hide them completely instead.
  if (chars.length <= visible * 2) return '•'.repeat(Math.max(chars.length, visible));
  return '•'.repeat(chars.length - visible) + chars.slice(-visible).join('');
}
