// Firmware versions compared as numbers, part by part: 7.10 is newer than 7.9, and 7.1 equals
// 7.1.0. A terminal reports free text (HELLO F006, e.g. "PayDroid 7.1.2"): its first dotted
// number is taken as the version.

/** The parts of a dotted version (`7.1.2` → [7, 1, 2]). */
export function versionParts(version: string): number[] {
  return version.split('.').map(Number);
}

/** The first dotted number in a firmware string, or null when it has none. */
export function versionInFirmware(firmware: string): string | null {
  return /\d+(?:\.\d+)*/.exec(firmware)?.[0] ?? null;
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
