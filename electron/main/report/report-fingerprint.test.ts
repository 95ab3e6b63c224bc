import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalReportText } from '../../../shared/report/report-canonical';
import { sampleServiceReport } from '../../../shared/report/service-report-sample';
import type { ServiceReportContent } from '../../../shared/report/service-report';
import { reportFingerprint } from './report-fingerprint';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every leaf of the value (strings, numbers, booleans, nulls) by its path. */
function leaves(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
}

function withLeaf(content: ServiceReportContent, path: Path, next: (old: Json) => Json): ServiceReportContent {
  const copy = structuredClone(content) as unknown as Json;
  let at = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  at[last] = next(at[last]!);
  return copy as unknown as ServiceReportContent;
}

// A different value of the same kind (a null becomes a string: the field was filled in).
const changed = (old: Json): Json => (typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : 'filled');

const sample = sampleServiceReport();
const allLeaves = leaves(sample as unknown as Json);
const base = reportFingerprint(sample);

describe('the report fingerprint', () => {
  it('is SHA-256 of the canonical text, the same for the same content whatever its key order', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const reverseKeys = (value: Json): Json =>
      value === null || typeof value !== 'object' ? value : Array.isArray(value) ? value.map(reverseKeys) : Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
    const reordered = reverseKeys(sample as unknown as Json) as unknown as ServiceReportContent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(sample));
    expect(reportFingerprint(structuredClone(sample))).toBe(base);
    expect(canonicalReportText(reordered)).toBe(canonicalReportText(sample));
  });

  it('changes when any single field changes, every signature stroke point included', () => {
    const strokeLeaves = allLeaves.filter((path) => path.includes('strokes'));
    expect(strokeLeaves.length).toBeGreaterThan(20);
    expect(allLeaves.length).toBeGreaterThan(150);
    const unchanged = allLeaves.filter((path) => reportFingerprint(withLeaf(sample, path, changed)) === base);
    expect(unchanged).toEqual([]);
  });

  it('changes for any replacement of any field by any other value (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allLeaves), fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), (path, value) => {
        const content = withLeaf(sample, path, () => value);
        const old = path.reduce<Json>((at, key) => (at as Record<string | number, Json>)[key]!, sample as unknown as Json);
        fc.pre(!Object.is(old, value) && !(old === 0 && value === 0));
        expect(reportFingerprint(content)).not.toBe(base);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes when a stroke or a step is added or removed', () => {
    const more = structuredClone(sample);
    more.signatures.merchant!.strokes.push(structuredClone(more.signatures.merchant!.strokes[0]!));
    const fewer = structuredClone(sample);
    fewer.signatures.engineer!.strokes[0]!.points.pop();
    const noStep = structuredClone(sample);
    noStep.checklist.steps.pop();
    expect(new Set([base, reportFingerprint(more), reportFingerprint(fewer), reportFingerprint(noStep)]).size).toBe(4);
  });
});
