import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were added in', () => {
    const one = { role: 'admin', username: 'li.wei', changes: { disabled: true, role: 'desk' } };
    const two = { changes: { role: 'desk', disabled: true }, username: 'li.wei', role: 'admin' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('orders keys by UTF-16 code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, '\u{1F600}': 5, '\uFFFF': 6 })).toBe('{"B":2,"a":4,"b":1,"é":3,"\u{1F600}":5,"\uFFFF":6}');
  });

  it('escapes control characters and lone surrogates so the text is valid JSON', () => {
    const text = canonicalJson({ note: 'line\nbreak\u001f"quoted"\\', odd: '\uD800' });
    expect(text).toBe('{"note":"line\\nbreak\\u001f\\"quoted\\"\\\\","odd":"\\ud800"}');
    expect(JSON.parse(text)).toEqual({ note: 'line\nbreak\u001f"quoted"\\', odd: '\uD800' });
  });

  it('writes numbers as JSON does, with -0 as 0', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 0.1])).toBe('[1,1.5,0,1e+21,0.1]');
  });

  it('leaves out undefined properties', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it.each([
    ['NaN', { n: Number.NaN }, '$.n'],
    ['Infinity', [Number.POSITIVE_INFINITY], '$[0]'],
    ['a bigint', { big: 1n }, '$.big'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a Map', { m: new Map() }, '$.m'],
    ['undefined in an array', { list: [1, undefined] }, '$.list[1]'],
  ])('refuses %s and names where it is', (_name, value, path) => {
    let caught: unknown;
    try {
      canonicalJson(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).path).toBe(path);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = 'v';
    expect(canonicalJson(bare)).toBe('{"k":"v"}');
  });
});
