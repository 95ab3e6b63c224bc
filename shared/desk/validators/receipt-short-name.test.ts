import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterSpec } from '../../rtp/parameter-table';
import { Tag } from '../../rtp/tags';
import { checkReceiptShortName, countShortName, fitShortName, RECEIPT_SHORT_NAME_MAX_BYTES } from './receipt-short-name';

describe('the receipt short name (A003)', () => {
  it('counts UTF-8 bytes: 3 per Chinese character, 1 per ASCII letter', () => {
    expect(countShortName('上海示例便利店')).toMatchObject({ bytes: 21, limit: 40, characters: 13, fits: true });
    expect(countShortName('7-Eleven 福州')).toMatchObject({ bytes: 15, fits: true });
    expect(countShortName('  便利店  ').bytes).toBe(9);
  });

  it('gives the form’s counter as a reason with the count, the limit and the characters that fit', () => {
    expect(countShortName('上海示例便利店').counter).toEqual({ code: 'short-name-byte-count', params: { bytes: 21, limit: 40, characters: 13 } });
  });

  it('accepts 13 Chinese characters (39 bytes) and 40 ASCII characters', () => {
    expect(checkReceiptShortName('商'.repeat(13))).toMatchObject({ ok: true, value: '商'.repeat(13) });
    expect(checkReceiptShortName('x'.repeat(40)).ok).toBe(true);
  });

  it('refuses 14 Chinese characters (42 bytes) and 41 ASCII characters, saying about 13 fit', () => {
    expect(checkReceiptShortName('商'.repeat(14)).errors).toEqual([{ code: 'short-name-too-long', params: { bytes: 42, limit: 40, characters: 13 } }]);
    expect(checkReceiptShortName('x'.repeat(41)).errors).toEqual([{ code: 'short-name-too-long', params: { bytes: 41, limit: 40, characters: 13 } }]);
  });

  it('refuses a line break, a tab or a lone surrogate, naming the position', () => {
    expect(checkReceiptShortName('便利\n店').errors).toEqual([{ code: 'short-name-bad-character', params: { position: 3 } }]);
    expect(checkReceiptShortName('便\t利店').errors).toEqual([{ code: 'short-name-bad-character', params: { position: 2 } }]);
    expect(checkReceiptShortName('便利店\ud800').errors).toEqual([{ code: 'short-name-bad-character', params: { position: 4 } }]);
  });

  it('refuses an empty name and trims spaces, full-width ones too', () => {
    expect(checkReceiptShortName('\u3000 ').errors.map((e) => e.code)).toEqual(['desk-field-required']);
    expect(checkReceiptShortName('\u3000便利店 ').value).toBe('便利店');
  });

  it('has the limit of RTP/1’s A003 parameter', () => {
    const a003 = parameterSpec(Tag.A003)!;
    expect(a003.check('x'.repeat(RECEIPT_SHORT_NAME_MAX_BYTES))).toBeUndefined();
    expect(a003.check('x'.repeat(RECEIPT_SHORT_NAME_MAX_BYTES + 1))).toBeDefined();
  });

  it('accepts exactly what the terminal’s A003 check accepts, for printable names (property)', () => {
    const a003 = parameterSpec(Tag.A003)!;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (name) => {
        const value = name.trim();
        fc.pre(value !== '' && !/[\p{Cc}\u2028\u2029]/u.test(value));
        expect(checkReceiptShortName(name).ok).toBe(a003.check(value) === undefined);
      }),
    );
  });

  it('fits a long legal name into A003 between characters, keeping an emoji whole', () => {
    expect(fitShortName('福州市鼓楼区示例便利店连锁经营有限公司第一分店')).toBe('福州市鼓楼区示例便利店连锁');
    expect(fitShortName('  便利店  ')).toBe('便利店');
    const family = '👨‍👩‍👧';
    const fitted = fitShortName('x'.repeat(30) + family);
    expect(fitted).toBe('x'.repeat(30));
    expect(checkReceiptShortName(fitShortName('商'.repeat(50))).ok).toBe(true);
  });
});
