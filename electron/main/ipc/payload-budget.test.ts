import { describe, expect, it } from 'vitest';
import { defaultPayloadBudget, measurePayload } from './payload-budget';

/** `depth` objects nested in one another. */
function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

describe('measurePayload', () => {
  it('measures an ordinary input and visits each value once', () => {
    const result = measurePayload({ username: 'li.wei', password: 'blue terminal 42', flags: [true, 1, null] });
    expect(result).toMatchObject({ ok: true, visited: 7 });
    expect(measurePayload(undefined)).toMatchObject({ ok: true, chars: 0 });
  });

  it('refuses a sparse array of length 2^32-1 without visiting its holes', () => {
    const sparse = new Array(2 ** 32 - 1);
    const result = measurePayload(sparse);
    expect(result).toMatchObject({ ok: false, reason: 'input-too-large' });
    // The length alone decides: the walk stops at the array, it does not count up to it.
    expect(result.visited).toBeLessThanOrEqual(1);
  });

  it('refuses a short array with holes, which JSON would turn into nulls', () => {
    const holes = [1, 2, 3];
    delete holes[1];
    expect(measurePayload({ tags: holes })).toMatchObject({ ok: false, reason: 'input-sparse-array' });
    expect(measurePayload({ tags: new Array(5) })).toMatchObject({ ok: false, reason: 'input-sparse-array' });
  });

  it('refuses an array or an object with more values than the budget, at the budget', () => {
    const many = Array.from({ length: defaultPayloadBudget.maxNodes + 1 }, () => 0);
    const array = measurePayload(many);
    expect(array).toMatchObject({ ok: false, reason: 'input-too-large' });
    expect(array.visited).toBeLessThanOrEqual(1);

    const keys: Record<string, number> = {};
    for (let i = 0; i < 3 * defaultPayloadBudget.maxNodes; i++) keys[`k${i}`] = i;
    const object = measurePayload(keys);
    expect(object).toMatchObject({ ok: false, reason: 'input-too-large' });
    expect(object.visited).toBeLessThanOrEqual(defaultPayloadBudget.maxNodes + 1);
  });

  it('refuses deep nesting before walking it all, and a cycle too', () => {
    const deep = measurePayload(nested(100_000));
    expect(deep).toMatchObject({ ok: false, reason: 'input-too-deep' });
    expect(deep.visited).toBeLessThanOrEqual(defaultPayloadBudget.maxDepth + 1);
    expect(measurePayload(nested(defaultPayloadBudget.maxDepth - 1))).toMatchObject({ ok: true });

    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(measurePayload(cyclic)).toMatchObject({ ok: false, reason: 'input-too-deep' });
  });

  it('counts string and key lengths against the character budget', () => {
    expect(measurePayload({ pad: 'x'.repeat(defaultPayloadBudget.maxChars) })).toMatchObject({ ok: false, reason: 'input-too-large' });
    expect(measurePayload({ ['k'.repeat(defaultPayloadBudget.maxChars)]: 1 })).toMatchObject({ ok: false, reason: 'input-too-large' });
    // Many medium strings add up.
    const parts = Array.from({ length: 100 }, () => 'y'.repeat(defaultPayloadBudget.maxChars / 50));
    expect(measurePayload(parts)).toMatchObject({ ok: false, reason: 'input-too-large' });
  });

  it('refuses values that are not plain JSON: class instances, bigints, functions', () => {
    expect(measurePayload({ at: new Date(0) })).toMatchObject({ ok: false, reason: 'input-not-plain' });
    expect(measurePayload({ map: new Map([[1, 2]]) })).toMatchObject({ ok: false, reason: 'input-not-plain' });
    expect(measurePayload({ n: 10n })).toMatchObject({ ok: false, reason: 'input-not-plain' });
    expect(measurePayload({ f: () => 1 })).toMatchObject({ ok: false, reason: 'input-not-plain' });
    expect(measurePayload(Object.create(null))).toMatchObject({ ok: true });
  });
});
