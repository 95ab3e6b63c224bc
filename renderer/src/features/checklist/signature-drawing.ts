// A drawn signature as data: signature_pad's strokes (pen options and points with time and
// pressure, in CSS pixels of the pad) and the pad's size, so it can be drawn again at any size.
import type { PointGroup } from 'signature_pad';
import type { SignatureStroke } from '../../../../shared/checklist';

export interface SignatureDrawing {
  strokes: SignatureStroke[];
  width: number;
  height: number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The strokes as plain objects, coordinates to 0.01 px (sub-pixel noise is not a signature's):
 * signature_pad hands out its own arrays, which it keeps changing, and Point instances.
 */
export function plainStrokes(groups: readonly PointGroup[]): SignatureStroke[] {
  return groups.map((group) => ({
    penColor: group.penColor,
    dotSize: group.dotSize,
    minWidth: group.minWidth,
    maxWidth: group.maxWidth,
    velocityFilterWeight: group.velocityFilterWeight,
    compositeOperation: group.compositeOperation,
    points: group.points.map((p) => ({ x: round(p.x, 2), y: round(p.y, 2), pressure: round(Math.min(1, Math.max(0, p.pressure)), 4), time: p.time })),
  }));
}

/**
 * The strokes scaled to a `width` × `height` box, same proportions, centred; pen widths scale with
 * them so a small read-only copy looks like the signature, not like a thick scrawl.
 */
export function fitStrokes(drawing: SignatureDrawing, width: number, height: number): PointGroup[] {
  if (drawing.width <= 0 || drawing.height <= 0) return [];
  const scale = Math.min(width / drawing.width, height / drawing.height);
  const dx = (width - drawing.width * scale) / 2;
  const dy = (height - drawing.height * scale) / 2;
  return drawing.strokes.map((group) => ({
    ...group,
    // Stored as a string (the contract's); signature_pad wrote it from its own option.
    compositeOperation: group.compositeOperation as GlobalCompositeOperation,
    dotSize: group.dotSize * scale,
    minWidth: group.minWidth * scale,
    maxWidth: group.maxWidth * scale,
    points: group.points.map((p) => ({ ...p, x: p.x * scale + dx, y: p.y * scale + dy })),
  }));
}

/** The strokes without the last one (undo). */
export const withoutLastStroke = <T>(strokes: readonly T[]): T[] => strokes.slice(0, -1);

/** The canvas's backing store in device pixels for its CSS size, and its context scaled to match. */
export function sizeCanvas(canvas: HTMLCanvasElement): { width: number; height: number; ratio: number } {
  // signature_pad's toSVG() divides by the same ratio, so the SVG's box is the pad's CSS size.
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.getContext('2d')?.scale(ratio, ratio);
  return { width, height, ratio };
}
