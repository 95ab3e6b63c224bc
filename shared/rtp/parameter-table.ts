// The terminal parameters of PROTOCOL.md §4 and the rule for each value.
import { isHexDigits } from '../bytes/hex';
import { isWellFormedText, utf8ByteLength } from '../bytes/utf8';
import { reason, type Reason } from '../errors/reason';
import { Tag, tagToText } from './tags';

export interface ParameterSpec {
  /** Numeric tag, e.g. 0xA001. */
  readonly tag: number;
  /** Tag as written in PROTOCOL.md and F020, e.g. "A001". */
  readonly code: string;
  /** English name, e.g. "TID" (its reason, said in the user's language, is `parameter-name-<code>`). */
  readonly name: string;
  /** The format column of PROTOCOL.md, for people. */
  readonly format: string;
  /** Changed by the terminal itself (STAN, batch number): left out of the canonical set and refused in a stage. */
  readonly volatile: boolean;
  /** May be left out of a staged set (only A012). */
  readonly optional: boolean;
  /** Undefined when `value` is valid, else what is wrong (a `value-*` reason), phrased to follow "<code> <name>". */
  readonly check: (value: string) => Reason | undefined;
}

const digits = (count: number) => (value: string) => (new RegExp(`^[0-9]{${count}}$`).test(value) ? undefined : reason('value-digits', { count }));
const lettersOrDigits = (count: number) => (value: string) =>
  new RegExp(`^[A-Za-z0-9]{${count}}$`).test(value) ? undefined : reason('value-letters-or-digits', { count });
const hexDigits = (count: number) => (value: string) => (isHexDigits(value, count) ? undefined : reason('value-hex-digits', { count }));
const text = (maxBytes: number) => (value: string) =>
  isWellFormedText(value) && utf8ByteLength(value) <= maxBytes ? undefined : reason('value-text-bytes', { max: maxBytes });

/** Checks "host:port": a non-empty host without whitespace, and a port 1-65535 written without leading zeros. */
export function checkHostPort(value: string): Reason | undefined {
  const problem = reason('value-host-port');
  // Split at the last colon so a bracketed IPv6 host such as [::1]:443 keeps its colons.
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return problem;
  const host = value.slice(0, colon);
  const port = value.slice(colon + 1);
  if (/\s/.test(host) || !isWellFormedText(host)) return problem;
  if (!/^[1-9][0-9]{0,4}$/.test(port) || Number(port) > 65535) return problem;
  return undefined;
}

function spec(tag: number, name: string, format: string, check: (value: string) => Reason | undefined, flags: { volatile?: boolean; optional?: boolean } = {}): ParameterSpec {
  return { tag, code: tagToText(tag), name, format, volatile: flags.volatile ?? false, optional: flags.optional ?? false, check };
}

/** Every parameter of PROTOCOL.md §4, sorted by tag. */
export const PARAMETERS: readonly ParameterSpec[] = [
  spec(Tag.A001, 'TID', 'an 8', lettersOrDigits(8)),
  spec(Tag.A002, 'MID', 'an 15', lettersOrDigits(15)),
  spec(Tag.A003, 'merchant name', 'text, at most 40 bytes', text(40)),
  spec(Tag.A008, 'TPDU', '10 hex digits', hexDigits(10)),
  spec(Tag.A009, 'STAN', 'n 6', digits(6), { volatile: true }),
  spec(Tag.A00A, 'batch number', 'n 6', digits(6), { volatile: true }),
  spec(Tag.A00B, 'communication mode', '1 dial, 2 cellular, 3 ethernet, 4 wifi', (value) =>
    /^[1-4]$/.test(value) ? undefined : reason('value-communication-mode'),
  ),
  spec(Tag.A010, 'acquirer institution id', 'n 6..11', (value) => (/^[0-9]{6,11}$/.test(value) ? undefined : reason('value-digits-between', { min: 6, max: 11 }))),
  spec(Tag.A011, 'primary host', 'text "host:port"', checkHostPort),
  spec(Tag.A012, 'backup host', 'text "host:port", optional', checkHostPort, { optional: true }),
  spec(Tag.A013, 'NII', 'n 3', digits(3)),
  spec(Tag.A014, 'MCC', 'n 4', digits(4)),
  spec(Tag.A015, 'receipt header', 'text, at most 64 bytes', text(64)),
  spec(Tag.A016, 'TLS', '"0"/"1"', (value) => (value === '0' || value === '1' ? undefined : reason('value-zero-or-one'))),
  spec(Tag.E0E0, 'master key index', 'n 2', digits(2)),
  spec(Tag.E0E1, 'master key check value', '6 hex digits', hexDigits(6)),
];

/**
 * The parameters that are secret at rest (DESIGN.md §4): the master key index and its check
 * value. The rebind journal stores them field-encrypted, apart from the other tags.
 */
export const secretAtRestTags: readonly string[] = [tagToText(Tag.E0E0), tagToText(Tag.E0E1)];

const BY_TAG: ReadonlyMap<number, ParameterSpec> = new Map(PARAMETERS.map((p) => [p.tag, p]));

/** The table entry for a tag, or undefined when the tag is not a parameter. */
export function parameterSpec(tag: number): ParameterSpec | undefined {
  return BY_TAG.get(tag);
}

/** True for the volatile parameters (A009 STAN, A00A batch number). */
export function isVolatileParameter(tag: number): boolean {
  return BY_TAG.get(tag)?.volatile === true;
}
