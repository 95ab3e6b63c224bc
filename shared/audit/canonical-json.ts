// Canonical JSON for audit payloads: the same value always gives the same text, so its hash can be
// recomputed by anyone (the app, the verify command, an auditor's script) without our code.

/** A value canonical JSON can represent. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A value that has no canonical JSON form (a function, NaN, a Date, a cycle …), with where it sits. */
export class CanonicalJsonError extends Error {
  /** Where in the value the problem sits, e.g. `$.changes[2].at`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`Cannot write ${path} as canonical JSON: ${problem}.`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

/**
 * Serialises `value` with object keys sorted by UTF-16 code unit (as RFC 8785 does) and no
 * whitespace. Object properties whose value is `undefined` are left out, as JSON.stringify does;
 * anything else JSON cannot hold exactly (NaN, Infinity, bigint, functions, Dates, Maps, class
 * instances, `undefined` in an array, cycles) throws, because a silent conversion would make the
 * stored text differ from what the caller meant.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', []);
}

function write(value: unknown, path: string, ancestors: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates.
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, path, ancestors);
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} has no JSON form`);
  }
}

function writeObject(value: object, path: string, ancestors: object[]): string {
  if (ancestors.includes(value)) throw new CanonicalJsonError(path, 'the value contains itself (a cycle)');
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, index) => {
        if (item === undefined) throw new CanonicalJsonError(`${path}[${index}]`, 'undefined in an array has no JSON form');
        return write(item, `${path}[${index}]`, ancestors);
      });
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalJsonError(path, `a ${name} is not a plain object; convert it first (e.g. a Date to an ISO string)`);
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, `${path}.${key}`, ancestors)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.pop();
  }
}
