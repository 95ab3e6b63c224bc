import { describe, expect, it } from 'vitest';
import { drawsRows, limitAfterScroll, ROWS_AHEAD_PX, ROWS_FIRST, ROWS_STEP, rowsGiven } from './row-window';

describe('row window', () => {
  it('gives the week and month the first rows only, and the day view every engineer', () => {
    expect(rowsGiven('resourceTimelineWeek', ROWS_FIRST, 50)).toBe(ROWS_FIRST);
    expect(rowsGiven('resourceTimelineMonth', ROWS_FIRST, 50)).toBe(ROWS_FIRST);
    expect(rowsGiven('resourceTimeGridDay', ROWS_FIRST, 50)).toBe(50);
    expect(rowsGiven('resourceTimelineWeek', ROWS_FIRST, 7)).toBe(7);
    expect(drawsRows('resourceTimeGridDay')).toBe(false);
  });

  it('draws a step more when the last row drawn comes near the visible bottom, never more than there are', () => {
    expect(limitAfterScroll(24, 50, 900, 800)).toBe(24 + ROWS_STEP);
    expect(limitAfterScroll(24, 50, 800 + ROWS_AHEAD_PX, 800)).toBe(24 + ROWS_STEP);
    expect(limitAfterScroll(48, 50, 100, 800)).toBe(50);
  });

  it('leaves the rows as they are while the last row drawn is far below, or when all are drawn', () => {
    expect(limitAfterScroll(24, 50, 800 + ROWS_AHEAD_PX + 1, 800)).toBe(24);
    expect(limitAfterScroll(50, 50, 100, 800)).toBe(50);
  });
});
