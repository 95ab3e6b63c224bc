import { parseArgs } from 'node:util';
import { UsageError } from './cli-io';

/** Option kinds a command accepts. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Parses a command's options strictly: an unknown option or a missing value is a usage error naming it. */
export function parseOptions<S extends OptionSpec>(args: string[], spec: S): { [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string } {
  try {
    const { values, positionals } = parseArgs({ args, options: spec, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return values as never;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node's messages go on about positionals; the first sentence is the useful part.
    throw new UsageError((error as Error).message.split('. ')[0] ?? 'bad options');
  }
}

/** Reads a positive integer option, or the default; anything else is a usage error. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 1, max = 10_000_000): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

/** Requires a string option. */
export function requireOption(value: string | undefined, name: string, example: string): string {
  if (!value) throw new UsageError(`--${name} is required (for example --${name} ${example})`);
  return value;
}
