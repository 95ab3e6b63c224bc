import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^log2N, block size r, parallelism p. */
export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/**
 * The parameters new hashes get: N = 2^16, r = 8, p = 1 (64 MiB, about 0.2 s on the 2-core build
 * machine; see docs/security.md and tests/bench/sign-in.bench.ts). Raise them here; stored hashes
 * with lower ones are rehashed at the operator's next successful sign-in.
 */
export const currentScryptParams: ScryptParams = { log2N: 16, r: 8, p: 1 };

const keyLength = 32;
const saltLength = 16;

export interface ParsedPasswordHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

// PHC string format ($id$params$salt$hash, unpadded base64), as other scrypt tools write it.
const phcPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Parses `$scrypt$ln=16,r=8,p=1$<salt>$<hash>`, or returns null. */
export function parsePasswordHash(stored: string): ParsedPasswordHash | null {
  const match = phcPattern.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  return { params: { log2N: Number(ln), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** True when a hash was made with weaker parameters than `current` in any dimension. */
export function needsRehash(parsed: ParsedPasswordHash, current: ScryptParams = currentScryptParams): boolean {
  const { params } = parsed;
  return params.log2N < current.log2N || params.r < current.r || params.p < current.p || parsed.hash.length < keyLength;
}

/** The parameters as the PHC string writes them, e.g. `ln=16,r=8,p=1`. */
export function describeScryptParams(params: ScryptParams): string {
  return `ln=${params.log2N},r=${params.r},p=${params.p}`;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.log2N;
  // Node refuses above maxmem (32 MiB by default); allow what these parameters need, with room.
  const maxmem = 256 * N * params.r + 16 * 1024 * 1024;
  // NFKC: the same password typed on another keyboard or input method gives the same bytes.
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { N, r: params.r, p: params.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt. Runs on libuv's thread pool: the main thread stays responsive. */
export async function hashPassword(password: string, params: ScryptParams = currentScryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await derive(password, salt, params, keyLength);
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$${describeScryptParams(params)}$${b64(salt)}$${b64(hash)}`;
}

/** Checks a password against a stored hash in constant time; says whether the hash should be renewed. */
export async function verifyPassword(password: string, stored: string, current: ScryptParams = currentScryptParams): Promise<{ ok: boolean; needsRehash: boolean }> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { ok: false, needsRehash: false };
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  const ok = candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
  return { ok, needsRehash: ok && needsRehash(parsed, current) };
}
