import { z } from 'zod';
import { adminOnly } from './channel-roles';
import {
  bankSchema,
  compatibilitySchema,
  engineerSchema,
  recordBaseSchema,
  recordMetaSchema,
  terminalModelSchema,
} from '../desk/model';

const storedBank = bankSchema.extend(recordMetaSchema.shape);
// The records' own `id` is the meta's id: extending replaces it with the same schema.
const storedModel = terminalModelSchema.extend(recordMetaSchema.shape);
const storedEngineer = engineerSchema.extend(recordMetaSchema.shape);
// A union of strict objects cannot be intersected with the meta: each option gets it instead.
const [supported, unsupported, fromFirmware] = compatibilitySchema.options;
const storedCompatibility = z.discriminatedUnion('support', [
  supported.extend(recordMetaSchema.shape),
  unsupported.extend(recordMetaSchema.shape),
  fromFirmware.extend(recordMetaSchema.shape),
]);
const engineerView = storedEngineer.extend({ username: z.string(), displayName: z.string() });

/** The reference data every reference page and the booking read. */
export const referenceDataSchema = z.strictObject({
  banks: z.array(storedBank),
  models: z.array(storedModel),
  compatibility: z.array(storedCompatibility),
  engineers: z.array(engineerView),
});
/** The reference data, as the renderer receives it. */
export type ReferenceDataView = z.infer<typeof referenceDataSchema>;

const save = <S extends z.ZodType>(record: S) => z.strictObject({ base: recordBaseSchema, record });

/** The desk's channels: reference data (admins keep it, everyone reads it). */
export const deskContract = {
  'desk:reference': { input: z.strictObject({}), output: referenceDataSchema, roles: 'signed-in' },
  'desk:save-bank': { input: save(bankSchema), output: storedBank, roles: adminOnly },
  'desk:save-model': { input: save(terminalModelSchema.omit({ id: true })), output: storedModel, roles: adminOnly },
  'desk:save-compatibility': { input: save(compatibilitySchema), output: storedCompatibility, roles: adminOnly },
  'desk:save-engineer': { input: save(engineerSchema.omit({ id: true })), output: storedEngineer, roles: adminOnly },
  'desk:load-samples': {
    input: z.strictObject({}),
    output: z.strictObject({ banks: z.int(), models: z.int(), compatibility: z.int() }),
    roles: adminOnly,
  },
} as const;
