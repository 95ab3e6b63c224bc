// A parameter set as a JSON object of RTP/1 tags ("A001") to text values: the `rebind run
// --params FILE` input, and what a bank template merges into. Checked field by field against
// PROTOCOL.md §4 before anything is sent, with every problem naming its tag.
import { reason, type Reason } from '../errors/reason';
import { namedProblem, parameterProblem, PARAMETERS, validateParameterSet, validateParameterValue } from '../rtp';
import type { ParameterProblem } from '../rtp';

/** Either a valid set (volatile tags refused, A012 optional) or every problem found, by tag. */
export type ParameterFileResult = { ok: true; params: Record<string, string> } | { ok: false; problems: ParameterProblem[] };

const TAG_KEY = /^[0-9A-F]{4}$/;

/**
 * Checks parsed JSON as a parameter set. Reports every problem (not only the first), each naming
 * its tag, in tag order: keys that are not tags, values that are not strings, unknown or volatile
 * tags, bad values, then missing tags.
 */
export function checkParameterFile(json: unknown): ParameterFileResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [parameterProblem('', reason('parameter-file-not-object'))] };
  }
  const problems: ParameterProblem[] = [];
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!TAG_KEY.test(key)) {
      problems.push(parameterProblem(key, reason('parameter-key-not-a-tag', { key })));
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(parameterProblem(key, labelled(key, reason('value-not-json-string', { value: String(value) }))));
      continue;
    }
    params[key] = value;
  }
  for (const key of Object.keys(params).sort()) {
    const spec = PARAMETERS.find((p) => p.code === key);
    if (spec === undefined) problems.push(parameterProblem(key, reason('parameter-tag-unknown-file', { tag: key })));
    else if (spec.volatile) problems.push(parameterProblem(key, namedProblem(key, reason('value-volatile-leave-out'))));
    else {
      const problem = validateParameterValue(key, params[key]!);
      if (problem !== undefined) problems.push(problem);
    }
  }
  for (const spec of PARAMETERS) {
    if (!spec.volatile && !spec.optional && !Object.hasOwn(params, spec.code) && !problems.some((p) => p.tag === spec.code)) {
      problems.push(parameterProblem(spec.code, namedProblem(spec.code, reason('value-missing'))));
    }
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  // The codec's own check is the one the terminal runs; it must agree with the list above.
  const last = validateParameterSet(params);
  if (last !== undefined) return { ok: false, problems: [last] };
  return { ok: true, params: sortedRecord(params) };
}

/** "A001 TID must be 8 letters or digits; A014 MCC is missing". */
export function describeProblems(problems: readonly ParameterProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}

/** The same as one reason, said in the user's language (the problems joined by `; `). */
export function problemsReason(problems: readonly ParameterProblem[]): Reason {
  return problems.map((p) => p.reason).reduceRight((rest, first) => reason('parameter-problems-2', { a: first, b: rest }));
}

/** A record with its keys in tag order, so stored JSON is stable. */
export function sortedRecord(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(params).sort()) out[key] = params[key]!;
  return out;
}

/** "<key> <name> <problem>" for a parameter, "<key> <problem>" for a key that is none. */
function labelled(key: string, problem: Reason): Reason {
  return PARAMETERS.some((p) => p.code === key) ? namedProblem(key, problem) : reason('parameter-key-value-problem', { key, problem });
}

function sortProblems(problems: ParameterProblem[]): ParameterProblem[] {
  return problems.slice().sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
