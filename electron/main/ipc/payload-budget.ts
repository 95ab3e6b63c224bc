// The router's first look at a renderer's input, before any schema: how big is it? Serialising it
// to find out is itself the attack (a 19-byte sparse array of length 2^32-1 costs JSON.stringify
// 15 s and a gigabyte), so the walk is iterative, looks at array lengths before elements, and stops
// as soon as a budget runs out. Its cost is bounded by the budget, not by the input.

/** How much input the router looks at before refusing it. */
export interface PayloadBudget {
  /** Characters of strings and keys, roughly what JSON of the input would hold. */
  maxChars: number;
  /** Values (objects, arrays, strings, numbers …) visited. */
  maxNodes: number;
  /** Objects and arrays nested in one another. */
  maxDepth: number;
}

/** Far above any legitimate call (the largest, a parameter set, has about a hundred values). */
export const defaultPayloadBudget: PayloadBudget = { maxChars: 256 * 1024, maxNodes: 20_000, maxDepth: 32 };

/** Why an input was refused before parsing; the renderer translates these as reasons. */
export type PayloadRefusal = 'input-too-large' | 'input-too-deep' | 'input-sparse-array' | 'input-not-plain';

/** The measure of an input, with the number of values visited (the work done). */
export type PayloadMeasure = { ok: true; chars: number; visited: number } | { ok: false; reason: PayloadRefusal; visited: number };

// What a number, boolean or null costs in JSON, near enough; it only needs to be bounded.
const scalarChars = 5;

/** Measures `input` within `budget`, refusing it at the first value beyond one. */
export function measurePayload(input: unknown, budget: PayloadBudget = defaultPayloadBudget): PayloadMeasure {
  if (input === undefined) return { ok: true, chars: 0, visited: 0 };
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let chars = 0;
  let visited = 0;
  const refuse = (reason: PayloadRefusal): PayloadMeasure => ({ ok: false, reason, visited });

  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    visited += 1;
    if (visited > budget.maxNodes) return refuse('input-too-large');
    switch (typeof value) {
      case 'string':
        chars += value.length + 2;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        chars += scalarChars;
        break;
      case 'object': {
        if (value === null) {
          chars += scalarChars;
          break;
        }
        if (depth >= budget.maxDepth) return refuse('input-too-deep');
        if (Array.isArray(value)) {
          // The length first: it is what makes a sparse array expensive, and reading it is free.
          if (value.length > budget.maxNodes - visited - stack.length) return refuse('input-too-large');
          for (let i = 0; i < value.length; i++) {
            if (!Object.hasOwn(value, i)) return refuse('input-sparse-array');
            stack.push({ value: value[i], depth: depth + 1 });
          }
          chars += value.length + 2;
          break;
        }
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return refuse('input-not-plain');
        const record = value as Record<string, unknown>;
        for (const key in record) {
          if (!Object.hasOwn(record, key)) continue;
          if (visited + stack.length >= budget.maxNodes) return refuse('input-too-large');
          chars += key.length + 4;
          if (chars > budget.maxChars) return refuse('input-too-large');
          stack.push({ value: record[key], depth: depth + 1 });
        }
        chars += 2;
        break;
      }
      default:
        // bigint, symbol, function: nothing a contract schema accepts, and JSON cannot hold them.
        return refuse('input-not-plain');
    }
    if (chars > budget.maxChars) return refuse('input-too-large');
  }
  return { ok: true, chars, visited };
}
