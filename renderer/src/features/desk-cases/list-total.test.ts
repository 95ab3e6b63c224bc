import { describe, expect, it } from 'vitest';
import { mergeTotal } from './list-total';

describe('the cases list total', () => {
  it('takes an exact count as it is', () => {
    expect(mergeTotal(null, { total: 5, totalCapped: false })).toEqual({ count: 5, capped: false });
    expect(mergeTotal({ count: 1000, capped: true }, { total: 1234, totalCapped: false })).toEqual({ count: 1234, capped: false });
  });

  it('keeps the largest lower bound the pages reported, in whatever order they land', () => {
    const first = mergeTotal(null, { total: 1000, totalCapped: true });
    expect(first).toEqual({ count: 1000, capped: true });
    const deeper = mergeTotal(first, { total: 1900, totalCapped: true });
    expect(deeper).toEqual({ count: 1900, capped: true });
    expect(mergeTotal(deeper, { total: 1000, totalCapped: true })).toEqual({ count: 1900, capped: true });
  });

  it('keeps an exact count over a smaller lower bound, and says "more" when one reports beyond it', () => {
    const exact = { count: 1500, capped: false };
    expect(mergeTotal(exact, { total: 1000, totalCapped: true })).toBe(exact);
    expect(mergeTotal(exact, { total: 2100, totalCapped: true })).toEqual({ count: 2100, capped: true });
  });
});
