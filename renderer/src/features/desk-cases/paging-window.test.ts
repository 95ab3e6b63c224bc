import { describe, expect, it } from 'vitest';
import { pagesToLoad, rowWindow } from './paging-window';

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
});
