import type { ZodType } from 'zod';

type Shape<K extends string> = Readonly<Record<K, ZodType>>;

/**
 * The values of `keys` from their stored JSON text. A key not stored, or stored with a value this
 * build does not understand (written by a newer app, or edited), takes its value from `fallback`.
 */
export function readStoredValues<K extends string>(stored: Map<string, string>, shape: Shape<K>, fallback: Readonly<Record<K, unknown>>): Record<K, unknown> {
  const values = {} as Record<K, unknown>;
  for (const key of Object.keys(shape) as K[]) {
    const raw = stored.get(key);
    const value: unknown = raw === undefined ? undefined : JSON.parse(raw);
    values[key] = raw !== undefined && shape[key].safeParse(value).success ? value : fallback[key];
  }
  return values;
}

export interface StoredChange {
  /** What the audit entry records: each changed key's value before and after. */
  changes: Record<string, { from: unknown; to: unknown }>;
  /** What to store: each changed key's new value as JSON text. */
  entries: (readonly [string, string])[];
}

/**
 * The keys `patch` really changes. An unchanged value is left out: the log holds real changes
 * only, and a preference that follows the device default keeps following it.
 */
export function storedChange<K extends string>(keys: readonly K[], before: Readonly<Record<K, unknown>>, patch: Partial<Record<K, unknown>>): StoredChange {
  const change: StoredChange = { changes: {}, entries: [] };
  for (const key of keys) {
    const value = patch[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
    change.changes[key] = { from: before[key], to: value };
    change.entries.push([key, JSON.stringify(value)]);
  }
  return change;
}
