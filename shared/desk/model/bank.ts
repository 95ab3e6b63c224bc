// An acquiring bank as reference data: when it lets terminals be rebound (weekly windows in its own
// zone, with dated exceptions such as holidays), which parameter template it uses, which materials it
// requires and for how long each stays valid, what the desk must read when booking for it, its fees
// and the areas it serves.
import { z } from 'zod';
import { dayWindowsSchema, plainDateSchema, timeZoneSchema, weekWindowsSchema } from './calendar';
import { areaCodeSchema, bankCodeSchema } from './ids';
import { materialKindSchema } from './materials';

/** A dated exception to the weekly windows: closed all day, or open in these windows only. */
export const bankExceptionSchema = z.union([
  z.strictObject({ date: plainDateSchema, closed: z.literal(true) }),
  z.strictObject({ date: plainDateSchema, windows: dayWindowsSchema }),
]);
/** One dated exception. */
export type BankException = z.infer<typeof bankExceptionSchema>;

/** A material the bank requires; `validDays` counts from the day it was received (null: never expires). */
export const requiredMaterialSchema = z.strictObject({
  kind: materialKindSchema,
  validDays: z.int().positive().max(3650).nullable(),
});
/** One required material. */
export type RequiredMaterial = z.infer<typeof requiredMaterialSchema>;

/** A rule change or announcement shown when booking for the bank, between `from` and `until` (dates in the bank's zone, both inclusive). */
export const bankNoticeSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    text: z.string().trim().min(1).max(2000),
    from: plainDateSchema.optional(),
    until: plainDateSchema.optional(),
  })
  .refine((n) => n.from === undefined || n.until === undefined || n.from <= n.until, { message: 'a notice ends on or after the day it starts', path: ['until'] });
/** One notice. */
export type BankNotice = z.infer<typeof bankNoticeSchema>;

const percent = z.number().min(0).max(100);

/** Merchant discount rates in percent of the amount; optional caps in fen (debit cards are often capped). */
export const feeRatesSchema = z.strictObject({
  debitPercent: percent,
  creditPercent: percent,
  qrCodePercent: percent.optional(),
  debitCapFen: z.int().nonnegative().optional(),
});
/** A bank's fee rates. */
export type FeeRates = z.infer<typeof feeRatesSchema>;

function isUniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): boolean {
  return new Set(items.map(keyOf)).size === items.length;
}

/** An acquiring bank. */
export const bankSchema = z.strictObject({
  code: bankCodeSchema,
  name: z.string().trim().min(1).max(100),
  timeZone: timeZoneSchema,
  windows: weekWindowsSchema,
  exceptions: z.array(bankExceptionSchema).max(1000).refine((list) => isUniqueBy(list, (e) => e.date), 'one exception per date'),
  /** The id of a bank template (resources/bank-templates/*.json). */
  templateId: bankCodeSchema,
  requiredMaterials: z.array(requiredMaterialSchema).max(50).refine((list) => isUniqueBy(list, (m) => m.kind), 'each material kind is required once'),
  notices: z.array(bankNoticeSchema).max(100).refine((list) => isUniqueBy(list, (n) => n.id), 'each notice has its own id'),
  feeRates: feeRatesSchema,
  areas: z.array(areaCodeSchema).max(5000).refine((list) => isUniqueBy(list, (a) => a), 'each area is listed once'),
});
/** An acquiring bank. */
export type Bank = z.infer<typeof bankSchema>;
