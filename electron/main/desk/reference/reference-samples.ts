// The sample reference data the app ships (resources/desk-samples/reference.json): two acquiring
// banks whose codes are the bank templates' ids, the terminal models the port recognition knows,
// and their compatibility. Parsed with the same schemas as an admin's input, so a broken sample
// file is refused at start-up rather than stored.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bankSchema, compatibilitySupports, dottedVersionSchema, terminalModelSchema } from '../../../../shared/desk/model';

const sampleCompatibilitySchema = z.strictObject({
  /** The model as "vendor model", as the samples name it. */
  model: z.string().min(1),
  bankCode: z.string().min(1),
  support: z.enum(compatibilitySupports),
  minFirmware: dottedVersionSchema.optional(),
});

export const referenceSamplesSchema = z.strictObject({
  format: z.literal('rebinddesk-reference-samples'),
  version: z.literal(1),
  banks: z.array(bankSchema),
  models: z.array(terminalModelSchema.omit({ id: true })),
  compatibility: z.array(sampleCompatibilitySchema),
});

/** The parsed sample file. */
export type ReferenceSamples = z.infer<typeof referenceSamplesSchema>;

/** Reads and parses the sample file; throws with the file and the first problem when it is broken. */
export function readReferenceSamples(path: string): ReferenceSamples {
  const parsed = referenceSamplesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The sample reference data ${path} is broken at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
