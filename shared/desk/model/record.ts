// What every stored desk record carries besides its fields (electron/main/db/record-meta.ts), and
// how an edit names the record and version it was made on.
import { z } from 'zod';
import { actorNameSchema, recordIdSchema } from './ids';
import { instantSchema } from './calendar';

/** The record meta the renderer receives with every desk record. */
export const recordMetaSchema = z.strictObject({
  id: recordIdSchema,
  createdAt: instantSchema,
  createdBy: actorNameSchema,
  updatedAt: instantSchema,
  updatedBy: actorNameSchema,
  version: z.int().positive(),
});

/** An edit's base: the record and the version the editor read; null for a new record. */
export const recordBaseSchema = z.strictObject({ id: recordIdSchema, version: z.int().positive() }).nullable();
/** An edit's base. */
export type RecordBaseInput = z.infer<typeof recordBaseSchema>;
