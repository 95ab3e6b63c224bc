import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../shared/errors/reasons-en';
import { formatFieldBlob, parseFieldBlob } from './field-blob';

describe('field blob', () => {
  it('round-trips and names its key', () => {
    const blob = { keyId: 'k0123456789ab', iv: randomBytes(12), tag: randomBytes(16), ciphertext: randomBytes(19) };
    const text = formatFieldBlob(blob);
    expect(text).toMatch(/^v1:k0123456789ab:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
    expect(parseFieldBlob(text)).toEqual({ version: 'v1', ...blob });
  });

  it.each([
    ['plain text', '6222021234567890', /format/],
    ['another version', 'v2:k0123456789ab:a:b:c', /format/],
    ['a bad key id', 'v1:key:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==', /key id/],
    ['bad base64', 'v1:k0123456789ab:AAAA!AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==', /base64/],
    ['a short IV', 'v1:k0123456789ab:AAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==', /wrong length/],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const parsed = parseFieldBlob(text);
    // The problem is a reason code (said in the user's language); its English names what is wrong.
    expect('problem' in parsed && inEnglish(parsed.problem)).toMatch(reason);
  });
});
