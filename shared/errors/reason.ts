// A reason: a stable code and its parameters, said in the user's language where it is shown (the
// renderer's catalogs; the CLI and the logs use the English one, shared/errors/reasons-en.ts). A
// parameter may itself be a reason ("terminal 1170012345" / "the terminal"), rendered first.
import { z } from 'zod';

/** A parameter of a reason: a value shown as it is (a serial, a digest, a count) or a reason said first. */
export type ReasonParam = string | number | Reason;

/** A code and what its sentence needs. */
export interface Reason<C extends string = string> {
  code: C;
  params: Record<string, ReasonParam>;
}

/** A catalog: code → sentence with `{name}` placeholders (vue-i18n's named interpolation). */
export type ReasonCatalog = Readonly<Record<string, string>>;

/** Builds a reason. */
export function reason<C extends string>(code: C, params: Record<string, ReasonParam> = {}): Reason<C> {
  return { code, params };
}

/** The schema of a reason whose code is one of `codes` (nested reasons too). */
export function reasonSchemaOf(codes: readonly [string, ...string[]]): z.ZodType<Reason> {
  const schema: z.ZodType<Reason> = z.lazy(() =>
    z.strictObject({
      code: z.enum(codes),
      params: z.record(z.string(), z.union([z.string().max(4096), z.number(), schema])),
    }),
  );
  return schema;
}

/**
 * Says a reason with `catalog`: nested reasons first, then `{name}` replaced by its value. A code the
 * catalog lacks is said as the code itself with its parameters, so nothing is ever lost.
 */
export function renderReason(value: Reason, catalog: ReasonCatalog): string {
  const params = renderParams(value.params, catalog);
  const template = catalog[value.code];
  if (template === undefined) return `${value.code} ${JSON.stringify(params)}`;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The parameters with nested reasons said in `catalog`, ready for a `{name}` template. */
export function renderParams(params: Record<string, ReasonParam>, catalog: ReasonCatalog): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'object' ? renderReason(value, catalog) : value;
  return out;
}
