import { describe, expect, it } from 'vitest';
import { previewColumnWidth } from './preview-width';

describe('a preview column’s width', () => {
  it('fits its longest cell, Chinese characters twice as wide as digits', () => {
    expect(previewColumnWidth(['统一社会信用代码', '91350100M000100Y43'])).toBe(18 * 9 + 24);
    expect(previewColumnWidth(['商户名称', '福州示例便利店21号有限公司'])).toBe(12 * 14 + 2 * 9 + 24);
  });

  it('stays within its bounds for empty and very long columns', () => {
    expect(previewColumnWidth([])).toBe(80);
    expect(previewColumnWidth(['', '正常'])).toBe(80);
    expect(previewColumnWidth(['地'.repeat(100)])).toBe(320);
  });
});
