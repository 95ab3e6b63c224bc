import { describe, expect, it } from 'vitest';
import { currentScryptParams, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password-hash';

const cheap = { log2N: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores parameters, salt and hash in one PHC string', async () => {
    const stored = await hashPassword('blue terminal 42', cheap);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.params).toEqual(cheap);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.hash).toHaveLength(32);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('blue terminal 42', cheap)).not.toBe(await hashPassword('blue terminal 42', cheap));
  });

  it('accepts the right password and refuses others', async () => {
    const stored = await hashPassword('blue terminal 42', cheap);
    expect(await verifyPassword('blue terminal 42', stored, cheap)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword('blue terminal 43', stored, cheap)).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword('blue terminal 42', 'not a hash', cheap)).toEqual({ ok: false, needsRehash: false });
  });

  it('treats the same text typed in another Unicode form as the same password', async () => {
    const stored = await hashPassword('café terminal 42', cheap);
    expect((await verifyPassword('cafe\u0301 terminal 42', stored, cheap)).ok).toBe(true);
  });

  it('asks for a rehash when the stored parameters are below the current ones', async () => {
    const stored = await hashPassword('blue terminal 42', cheap);
    expect(await verifyPassword('blue terminal 42', stored, { ...cheap, log2N: 11 })).toEqual({ ok: true, needsRehash: true });
    expect(needsRehash(parsePasswordHash(stored)!, { ...cheap, r: 9 })).toBe(true);
    expect(needsRehash(parsePasswordHash(stored)!, cheap)).toBe(false);
    expect(needsRehash(parsePasswordHash(stored)!, currentScryptParams)).toBe(true);
  });

  it('uses parameters in the 100–300 ms range by default (N = 2^16, r = 8, p = 1)', () => {
    expect(currentScryptParams).toEqual({ log2N: 16, r: 8, p: 1 });
  });
});
