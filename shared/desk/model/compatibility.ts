// Whether a terminal model can be rebound to a bank: yes, no, or from a firmware version on.
import { z } from 'zod';
import { bankCodeSchema, dottedVersionSchema, recordIdSchema } from './ids';

/** The answers a compatibility row gives. */
export const compatibilitySupports = ['supported', 'unsupported', 'from-firmware'] as const;
/** One answer. */
export type CompatibilitySupport = (typeof compatibilitySupports)[number];

const key = { modelId: recordIdSchema, bankCode: bankCodeSchema };

/** Model × bank; `minFirmware` exactly when the support starts from a firmware version. */
export const compatibilitySchema = z.discriminatedUnion('support', [
  z.strictObject({ ...key, support: z.literal('supported') }),
  z.strictObject({ ...key, support: z.literal('unsupported') }),
  z.strictObject({ ...key, support: z.literal('from-firmware'), minFirmware: dottedVersionSchema }),
]);
/** One compatibility row. */
export type Compatibility = z.infer<typeof compatibilitySchema>;
