// Whole parameter sets: the checks a stage must pass, the canonical byte form and its digest
// (PROTOCOL.md §3-§4). Host and terminal simulator both use these, so they cannot disagree.
import { decodeUtf8, encodeUtf8 } from '../bytes/utf8';
import { reason, renderReason, type Reason } from '../errors/reason';
import { parameterReasonsEnglish } from './parameter-reasons-en';
import { RtpError } from './errors';
import { parameterSpec, PARAMETERS } from './parameter-table';
import { ResultCode } from './result-codes';
import { tagFromText, tagToText } from './tags';
import { decodeTlvs, encodeTlvs } from './tlv';
import type { Tlv } from './tlv';
import { findDuplicateTag } from './tlv-values';

/** Parameters by tag text ("A001" → "12345678"); keys are 4 upper-case hex digits. */
export type ParameterRecord = Readonly<Record<string, string>>;

/** The first thing wrong with a parameter set, named by tag (the F020 of an RC 03 answer). */
export interface ParameterProblem {
  /** Offending tag as 4 upper-case hex digits, or the offending key when it is not a tag. */
  readonly tag: string;
  /** English sentence naming the field, e.g. "A001 TID must be 8 letters or digits" (the CLI, the simulator, the logs). */
  readonly message: string;
  /** The same as a reason (parameter-reasons-en.ts), naming the field by tag and meaning, for the user's language. */
  readonly reason: Reason;
}

/** A problem of `tag`, with its English said from the parameter catalog. */
export function parameterProblem(tag: string, why: Reason): ParameterProblem {
  return { tag, message: renderReason(why, parameterReasonsEnglish), reason: why };
}

/** "<tag> <name> <problem>": a parameter's problem naming it by tag and meaning. */
export function namedProblem(code: string, problem: Reason): Reason {
  return reason('parameter-problem', { tag: code, name: reason(`parameter-name-${code}`), problem });
}

/** Checks one value against its tag's format; undefined when valid or when the tag is not a parameter. */
export function validateParameterValue(tag: string, value: string): ParameterProblem | undefined {
  const tagNumber = tagFromText(tag);
  const spec = tagNumber === undefined ? undefined : parameterSpec(tagNumber);
  const problem = spec?.check(value);
  return spec === undefined || problem === undefined ? undefined : parameterProblem(spec.code, namedProblem(spec.code, problem));
}

/**
 * Checks a set the way the terminal checks a stage: every non-volatile parameter except the
 * optional A012, nothing else, every value valid. Returns the problem with the lowest tag.
 */
export function validateParameterSet(params: ParameterRecord): ParameterProblem | undefined {
  const values = new Map<number, string | undefined>();
  for (const [key, value] of Object.entries(params)) {
    const tag = canonicalTagKey(key);
    // Keys that are not tags cannot be sorted among tags; they are reported before any tag.
    if (tag === undefined) return parameterProblem(key, reason('parameter-key-not-a-tag', { key }));
    values.set(tag, value);
  }
  return firstProblem(values);
}

/**
 * The canonical parameter set: every non-volatile parameter as a TLV with its UTF-8 value, sorted
 * by tag, shortest lengths. Values are not checked (see validateParameterSet). Throws RtpError
 * for a key that is not 4 upper-case hex digits.
 */
export function canonicalParameterSet(params: ParameterRecord): Uint8Array {
  const items: Tlv[] = [];
  for (const [key, value] of Object.entries(params)) {
    const tag = canonicalTagKey(key);
    if (tag === undefined) throw new RtpError('bad-tag', `Parameter key "${key}" is not a tag: write 4 upper-case hex digits such as A001.`);
    if (parameterSpec(tag)?.volatile === true) continue;
    items.push({ tag, value: encodeUtf8(value) });
  }
  items.sort((a, b) => a.tag - b.tag);
  return encodeTlvs(items);
}

/** Outcome of parseStagedSet: the parameters, or the RC the terminal answers VERIFY_STAGE with. */
export type StagedSetResult =
  | { readonly ok: true; readonly params: Record<string, string> }
  | { readonly ok: false; readonly rc: typeof ResultCode.MALFORMED; readonly reason: 'unparsable' | 'duplicate' | 'unsorted' | 'non-shortest'; readonly message: string }
  | { readonly ok: false; readonly rc: typeof ResultCode.INVALID_VALUE; readonly tag: string; readonly message: string };

/**
 * Parses staged bytes as VERIFY_STAGE does: RC 02 unless they are a canonical TLV list (parsable,
 * strictly ascending tags, shortest lengths); then RC 03 naming the first bad or missing tag.
 */
export function parseStagedSet(bytes: Uint8Array): StagedSetResult {
  const decoded = decodeTlvs(bytes);
  if (!decoded.ok) return malformed('unparsable', `Staged set is not a TLV list: ${decoded.error.message}`);
  const duplicate = findDuplicateTag(decoded.items);
  if (duplicate !== undefined) return malformed('duplicate', `Staged set holds tag ${tagToText(duplicate)} more than once.`);
  for (let i = 1; i < decoded.items.length; i++) {
    if (decoded.items[i - 1]!.tag > decoded.items[i]!.tag) {
      return malformed('unsorted', `Staged set is not sorted by tag: ${tagToText(decoded.items[i]!.tag)} follows ${tagToText(decoded.items[i - 1]!.tag)}.`);
    }
  }
  if (!decoded.shortestLengths) return malformed('non-shortest', 'Staged set uses a longer TLV length form than needed; canonical sets use the shortest.');
  const values = new Map<number, string | undefined>();
  for (const item of decoded.items) values.set(item.tag, decodeUtf8(item.value));
  const problem = firstProblem(values);
  if (problem !== undefined) return { ok: false, rc: ResultCode.INVALID_VALUE, tag: problem.tag, message: problem.message };
  const params: Record<string, string> = {};
  for (const [tag, value] of values) params[tagToText(tag)] = value ?? '';
  return { ok: true, params };
}

/** Outcome of parametersFromTlvs. */
export type ParameterReadResult =
  | { readonly ok: true; readonly params: Record<string, string> }
  | { readonly ok: false; readonly tag: string; readonly message: string };

/**
 * Collects the parameter TLVs of GET_PARAMS pages into a record, skipping the protocol's own
 * F0xx tags (F041 cursor). Refuses a tag seen twice or a value that is not UTF-8.
 */
export function parametersFromTlvs(tlvs: readonly Tlv[]): ParameterReadResult {
  const params: Record<string, string> = {};
  for (const item of tlvs) {
    if (item.tag >> 8 === 0xf0) continue;
    const key = tagToText(item.tag);
    if (Object.hasOwn(params, key)) return { ok: false, tag: key, message: `Parameter ${key} was read twice.` };
    const value = decodeUtf8(item.value);
    if (value === undefined) return { ok: false, tag: key, message: `Parameter ${key} is not valid UTF-8.` };
    params[key] = value;
  }
  return { ok: true, params };
}

function canonicalTagKey(key: string): number | undefined {
  const tag = tagFromText(key);
  return tag !== undefined && tagToText(tag) === key ? tag : undefined;
}

/** The problem with the lowest tag among present values (undefined = not UTF-8) and missing required tags. */
function firstProblem(values: ReadonlyMap<number, string | undefined>): ParameterProblem | undefined {
  const tags = new Set(values.keys());
  for (const p of PARAMETERS) if (!p.volatile && !p.optional) tags.add(p.tag);
  for (const tag of [...tags].sort((a, b) => a - b)) {
    const code = tagToText(tag);
    const spec = parameterSpec(tag);
    if (spec === undefined) return parameterProblem(code, reason('parameter-tag-unknown', { tag: code }));
    const named = (problem: Reason) => parameterProblem(code, namedProblem(code, problem));
    if (!values.has(tag)) return named(reason('value-missing'));
    if (spec.volatile) return named(reason('value-volatile'));
    const value = values.get(tag);
    if (value === undefined) return named(reason('value-not-utf8'));
    const problem = spec.check(value);
    if (problem !== undefined) return named(problem);
  }
  return undefined;
}

function malformed(reason: 'unparsable' | 'duplicate' | 'unsorted' | 'non-shortest', message: string): StagedSetResult {
  return { ok: false, rc: ResultCode.MALFORMED, reason, message };
}
