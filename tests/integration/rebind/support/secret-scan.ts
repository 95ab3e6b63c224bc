// Finds secrets in the raw bytes of a file (a database, its WAL, a backup): each value as ASCII in
// either case, and as the hex of those ASCII bytes (plain, spaced or in upper/lower case), which is
// how link logs and frame dumps would show it.

/** The encodings of `secret` looked for. */
function encodings(secret: string): string[] {
  const hex = Buffer.from(secret, 'ascii').toString('hex');
  const spaced = hex.match(/../g)!.join(' ');
  return [...new Set([secret, secret.toLowerCase(), secret.toUpperCase(), hex, hex.toUpperCase(), spaced, spaced.toUpperCase()])];
}

/** Every (secret, encoding, offset) found in `bytes`; empty when none of the secrets appears. */
export function clearSecretHits(bytes: Buffer, secrets: readonly string[]): { secret: string; as: string; offset: number }[] {
  const hits: { secret: string; as: string; offset: number }[] = [];
  for (const secret of secrets) {
    for (const as of encodings(secret)) {
      for (let at = bytes.indexOf(as, 0, 'latin1'); at !== -1; at = bytes.indexOf(as, at + 1, 'latin1')) hits.push({ secret, as, offset: at });
    }
  }
  return hits;
}
