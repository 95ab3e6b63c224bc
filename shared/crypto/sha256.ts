// SHA-256 (FIPS 180-4) in pure TypeScript: shared/ cannot reach node:crypto or WebCrypto, and the
// parameter digest must be computed identically by the host, the simulator and the renderer.

/** Round constants: first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Initial hash: first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Incremental SHA-256: update() any number of times, then digest() once. */
export class Sha256 {
  private readonly state = new Uint32Array(H0);
  private readonly block = new Uint8Array(64);
  private readonly words = new Uint32Array(64);
  private blockFill = 0;
  // Byte count as a plain number: exact up to 2^53 bytes, far beyond anything hashed here.
  private totalBytes = 0;
  private finished = false;

  /** Feeds more bytes; throws when called after digest(). */
  update(bytes: Uint8Array): this {
    if (this.finished) throw new Error('Sha256.update() after digest(): create a new Sha256 for a new message.');
    this.totalBytes += bytes.length;
    let i = 0;
    if (this.blockFill > 0) {
      const take = Math.min(64 - this.blockFill, bytes.length);
      this.block.set(bytes.subarray(0, take), this.blockFill);
      this.blockFill += take;
      i = take;
      if (this.blockFill < 64) return this;
      this.compress(this.block, 0);
      this.blockFill = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) this.compress(bytes, i);
    if (i < bytes.length) {
      this.block.set(bytes.subarray(i), 0);
      this.blockFill = bytes.length - i;
    }
    return this;
  }

  /** Pads, finishes and returns the 32-byte digest. */
  digest(): Uint8Array {
    if (this.finished) throw new Error('Sha256.digest() called twice: create a new Sha256 for a new message.');
    this.finished = true;
    const bitLength = this.totalBytes * 8;
    this.block[this.blockFill++] = 0x80;
    if (this.blockFill > 56) {
      this.block.fill(0, this.blockFill);
      this.compress(this.block, 0);
      this.blockFill = 0;
    }
    this.block.fill(0, this.blockFill, 56);
    // The 64-bit big-endian bit length; split because JS bit operators are 32-bit.
    const high = Math.floor(bitLength / 0x100000000);
    writeUint32(this.block, 56, high >>> 0);
    writeUint32(this.block, 60, bitLength >>> 0);
    this.compress(this.block, 0);
    const out = new Uint8Array(32);
    for (let j = 0; j < 8; j++) writeUint32(out, 4 * j, this.state[j]!);
    return out;
  }

  private compress(data: Uint8Array, offset: number): void {
    const w = this.words;
    for (let t = 0; t < 16; t++) {
      const p = offset + 4 * t;
      w[t] = (data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!;
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    const s = this.state;
    let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!, f = s[5]!, g = s[6]!, h = s[7]!;
    for (let t = 0; t < 64; t++) {
      const sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const choose = (e & f) ^ (~e & g);
      const t1 = (h + sum1 + choose + K[t]! + w[t]!) | 0;
      const sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (sum0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    s[0] = s[0]! + a;
    s[1] = s[1]! + b;
    s[2] = s[2]! + c;
    s[3] = s[3]! + d;
    s[4] = s[4]! + e;
    s[5] = s[5]! + f;
    s[6] = s[6]! + g;
    s[7] = s[7]! + h;
  }
}

/** SHA-256 digest (32 bytes) of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Sha256().update(bytes).digest();
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

function writeUint32(out: Uint8Array, offset: number, value: number): void {
  out[offset] = value >>> 24;
  out[offset + 1] = value >>> 16;
  out[offset + 2] = value >>> 8;
  out[offset + 3] = value;
}
