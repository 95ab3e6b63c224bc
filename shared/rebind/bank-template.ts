// Bank parameter templates: what an acquiring bank prescribes for every terminal it takes over
// (hosts, TPDU, NII, acquirer id, communication mode, TLS, key index and KCV, receipt header),
// merged with the merchant's own values (TID, MID, name, MCC) into an RTP/1 parameter set.
// Every field is checked against PROTOCOL.md §4 before anything is sent; messages name the field.
import { reason, type Reason } from '../errors/reason';
import { z } from 'zod';
import { PARAMETERS, validateParameterValue } from '../rtp';
import { checkParameterFile, sortedRecord } from './parameter-file';

/** The file format name of a template (resources/bank-templates/*.json). */
export const BANK_TEMPLATE_FORMAT = 'rebinddesk-bank-template';

/** The bank's fields and the tag each one fills. */
export const templateFieldTags = {
  primaryHost: 'A011',
  backupHost: 'A012',
  tpdu: 'A008',
  nii: 'A013',
  acquirerId: 'A010',
  commMode: 'A00B',
  tls: 'A016',
  keyIndex: 'E0E0',
  kcv: 'E0E1',
  receiptHeader: 'A015',
} as const;

/** The merchant's fields and the tag each one fills. */
export const merchantFieldTags = { tid: 'A001', mid: 'A002', name: 'A003', mcc: 'A014' } as const;

/** A bank's template. Values are text exactly as the terminal stores them. */
export const bankTemplateSchema = z.strictObject({
  format: z.literal(BANK_TEMPLATE_FORMAT),
  version: z.literal(1),
  /** Stable id, e.g. "acquirer-b". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'id must be 2-63 lower-case letters, digits or dashes'),
  /** The bank's name as the desk knows it. */
  bank: z.string().min(1).max(100),
  /** Terminal models the bank accepts; empty or absent: any. */
  models: z.array(z.string().min(1).max(128)).optional(),
  params: z.strictObject({
    primaryHost: z.string(),
    backupHost: z.string().optional(),
    tpdu: z.string(),
    nii: z.string(),
    acquirerId: z.string(),
    commMode: z.string(),
    tls: z.string(),
    keyIndex: z.string(),
    kcv: z.string(),
    receiptHeader: z.string(),
  }),
});

/** A bank's template. */
export type BankTemplate = z.infer<typeof bankTemplateSchema>;

/** The merchant's own values. */
export const merchantValuesSchema = z.strictObject({ tid: z.string(), mid: z.string(), name: z.string(), mcc: z.string() });

/** The merchant's own values. */
export type MerchantValues = z.infer<typeof merchantValuesSchema>;

/** A problem with one field, naming it and its tag, e.g. field "kcv", tag "E0E1". */
export interface FieldProblem {
  /** `params.kcv`, `merchant.tid`, or a structural path such as `format`. */
  field: string;
  /** The RTP/1 tag the field fills, when it fills one. */
  tag: string | null;
  /** In English (the CLI, the logs). */
  message: string;
  /** The same as a reason, for the On-site page (a template file's own schema problems are said as they came: only the logs show them). */
  reason: Reason;
}

/** A merged set, or every problem found. */
export type MergeResult = { ok: true; params: Record<string, string> } | { ok: false; problems: FieldProblem[] };

/** Checks parsed JSON as a template; problems name the field. */
export function parseBankTemplate(json: unknown): { ok: true; template: BankTemplate } | { ok: false; problems: FieldProblem[] } {
  const parsed = bankTemplateSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const field = issue.path.join('.') || '(template)';
        const message = `${field}: ${issue.message}`;
        return { field, tag: tagOfPath(issue.path), message, reason: reason('detail-text', { text: message }) };
      }),
    };
  }
  const problems = checkFields('params', parsed.data.params, templateFieldTags);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data };
}

/**
 * The template merged with the merchant's values: the full parameter set to stage. Every field is
 * checked on its own (so all problems show at once), then the set as the terminal will check it.
 */
export function mergeBankTemplate(template: BankTemplate, merchant: MerchantValues): MergeResult {
  const problems = [...checkFields('params', template.params, templateFieldTags), ...checkFields('merchant', merchant, merchantFieldTags)];
  if (problems.length > 0) return { ok: false, problems };
  const params: Record<string, string> = {};
  for (const [field, tag] of Object.entries(templateFieldTags)) {
    const value = template.params[field as keyof BankTemplate['params']];
    if (value !== undefined) params[tag] = value;
  }
  for (const [field, tag] of Object.entries(merchantFieldTags)) params[tag] = merchant[field as keyof MerchantValues];
  const checked = checkParameterFile(params);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ field: p.tag, tag: p.tag, message: p.message, reason: p.reason })) };
  return { ok: true, params: sortedRecord(checked.params) };
}

/** The set a rebind stages, from a template id and the merchant's values; or why not. */
export type TemplateParameterSet =
  | { ok: true; template: BankTemplate; params: Record<string, string> }
  | { ok: false; unknownTemplate: true; templateId: string; known: string[] }
  | { ok: false; unknownTemplate: false; problems: FieldProblem[] };

/**
 * Finds the template by id and merges the merchant's values into it: the one way the On-site view
 * (onsite-service.ts) and `rebind run --template` (electron/cli/commands/run.ts) build the set,
 * so both check exactly the same things.
 */
export function templateParameterSet(templates: readonly BankTemplate[], templateId: string, merchant: MerchantValues): TemplateParameterSet {
  const template = templates.find((t) => t.id === templateId);
  if (template === undefined) return { ok: false, unknownTemplate: true, templateId, known: templates.map((t) => t.id) };
  const merged = mergeBankTemplate(template, merchant);
  return merged.ok ? { ok: true, template, params: merged.params } : { ok: false, unknownTemplate: false, problems: merged.problems };
}

/** True when the template accepts the model (no list means any model). */
export function templateAcceptsModel(template: BankTemplate, model: string): boolean {
  return template.models === undefined || template.models.length === 0 || template.models.includes(model);
}

function checkFields(prefix: string, values: Readonly<Record<string, string | undefined>>, tags: Readonly<Record<string, string>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, tag] of Object.entries(tags)) {
    const value = values[field];
    if (value === undefined) continue;
    const problem = validateParameterValue(tag, value);
    if (problem !== undefined) {
      const path = `${prefix}.${field}`;
      problems.push({ field: path, tag, message: `${path} (${problem.message})`, reason: reason('parameter-field-problem', { path, problem: problem.reason }) });
    }
  }
  return problems;
}

function tagOfPath(path: readonly PropertyKey[]): string | null {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return null;
  const tag = (templateFieldTags as Record<string, string>)[last] ?? (merchantFieldTags as Record<string, string>)[last];
  return tag !== undefined && PARAMETERS.some((p) => p.code === tag) ? tag : null;
}
