import { describe, expect, it } from 'vitest';
import { farPages, pagesToLoad, rowWindow, slotRows, widen } from './paging-window';

describe('virtual list window', () => {
  it('renders the visible rows and the overscan, clamped to the list', () => {
    expect(rowWindow(0, 400, 40, 10_000, 5)).toEqual({ first: 0, end: 16 });
    expect(rowWindow(4000, 400, 40, 10_000, 5)).toEqual({ first: 95, end: 116 });
    expect(rowWindow(400_000, 400, 40, 10_000, 5)).toEqual({ first: 9994, end: 10_000 });
    expect(rowWindow(0, 400, 40, 3, 5)).toEqual({ first: 0, end: 3 });
  });

  it('is empty for an empty list', () => {
    expect(rowWindow(0, 400, 40, 0, 5)).toEqual({ first: 0, end: 0 });
    expect(pagesToLoad({ first: 0, end: 0 }, 100, new Set())).toEqual([]);
  });

  it('asks for each page the window touches that is not known yet', () => {
    expect(pagesToLoad({ first: 95, end: 116 }, 100, new Set())).toEqual([0, 1]);
    expect(pagesToLoad({ first: 95, end: 116 }, 100, new Set([0]))).toEqual([1]);
    expect(pagesToLoad({ first: 100, end: 200 }, 100, new Set())).toEqual([1]);
    expect(pagesToLoad({ first: 9994, end: 10_000 }, 100, new Set([99]))).toEqual([]);
  });

  it('reaches a page ahead either side, never past the list’s ends', () => {
    expect(widen({ first: 0, end: 26 }, 100, 10_000)).toEqual({ first: 0, end: 126 });
    expect(widen({ first: 5000, end: 5026 }, 100, 10_000)).toEqual({ first: 4900, end: 5126 });
    expect(widen({ first: 9980, end: 10_000 }, 100, 10_000)).toEqual({ first: 9880, end: 10_000 });
    expect(widen({ first: 0, end: 0 }, 100, 0)).toEqual({ first: 0, end: 0 });
    expect(pagesToLoad(widen({ first: 60, end: 86 }, 100, 10_000), 100, new Set([0]))).toEqual([1]);
  });

  it('keeps each row in the slot of its index modulo the pool, every row of the window once', () => {
    expect(slotRows({ first: 0, end: 5 }, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(slotRows({ first: 7, end: 12 }, 5)).toEqual([10, 11, 7, 8, 9]);
    expect(slotRows({ first: 7, end: 10 }, 5)).toEqual([null, null, 7, 8, 9]);
    expect(slotRows({ first: 0, end: 0 }, 3)).toEqual([null, null, null]);
    const moved = slotRows({ first: 100, end: 128 }, 30);
    expect(moved.filter((index) => index !== null).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 28 }, (_, i) => 100 + i));
    moved.forEach((index, slot) => index !== null && expect(index % 30).toBe(slot));
  });

  it('lets go of the pages more than `keep` pages from the window, keeping those near it', () => {
    // Rows 250-270 are in page 2; pages 0-5 within 2 of it, except 5, stay.
    expect(farPages({ first: 250, end: 270 }, 100, [0, 1, 2, 3, 4, 5, 9], 2)).toEqual([5, 9]);
    // A window over two pages keeps around both.
    expect(farPages({ first: 190, end: 210 }, 100, [0, 1, 2, 3, 4, 6], 1)).toEqual([4, 6]);
    expect(farPages({ first: 0, end: 20 }, 100, [], 3)).toEqual([]);
  });
});
