import { describe, expect, it } from 'vitest';
import type { PointGroup } from 'signature_pad';
import { fitStrokes, plainStrokes, withoutLastStroke } from './signature-drawing';

const pen = { penColor: 'black', dotSize: 0, minWidth: 0.5, maxWidth: 2.5, velocityFilterWeight: 0.7, compositeOperation: 'source-over' as const };
const stroke = (...points: [number, number][]): PointGroup => ({ ...pen, points: points.map(([x, y], i) => ({ x, y, pressure: 0.5, time: 1_000 + i * 16 })) });

describe('signature drawing', () => {
  it('keeps every point with its time and pressure as plain data, to 0.01 px', () => {
    const [first] = plainStrokes([{ ...pen, points: [{ x: 10.123456, y: 20.987654, pressure: 0.5, time: 1_700_000_000_123 }] }]);
    expect(first).toEqual({ ...pen, points: [{ x: 10.12, y: 20.99, pressure: 0.5, time: 1_700_000_000_123 }] });
    // Pressure stays within what the contract takes, whatever a pen driver reports.
    expect(plainStrokes([{ ...pen, points: [{ x: 0, y: 0, pressure: 1.7, time: 0 }] }])[0]!.points[0]!.pressure).toBe(1);
  });

  it('scales a drawing into a smaller box of other proportions, centred, with pen widths scaled', () => {
    const drawing = { strokes: [stroke([0, 0], [600, 200])], width: 600, height: 200 };
    const [fitted] = fitStrokes(drawing, 300, 300);
    // Half the size (300 / 600), centred vertically in the square: (300 - 100) / 2 = 100.
    expect(fitted!.points.map((p) => [p.x, p.y])).toEqual([
      [0, 100],
      [300, 200],
    ]);
    expect([fitted!.minWidth, fitted!.maxWidth]).toEqual([0.25, 1.25]);
    expect(fitted!.points.map((p) => p.time)).toEqual([1_000, 1_016]);
    expect(fitStrokes({ ...drawing, width: 0 }, 300, 300)).toEqual([]);
  });

  it('undoes the last stroke only', () => {
    const strokes = [stroke([1, 1]), stroke([2, 2]), stroke([3, 3])];
    expect(withoutLastStroke(strokes)).toEqual(strokes.slice(0, 2));
    expect(strokes).toHaveLength(3);
    expect(withoutLastStroke([])).toEqual([]);
  });
});
