// An engineer: an operator with the engineer role, with the vendors they can work on, the areas they
// cover, their working hours in their own zone and their absences.
import { z } from 'zod';
import { instantSchema, timeZoneSchema, weekWindowsSchema } from './calendar';
import { areaCodeSchema, operatorIdSchema, recordIdSchema, vendorNameSchema } from './ids';

/** A span away from work, UTC instants, `from` inclusive and `until` exclusive. */
export const absenceSchema = z
  .strictObject({ from: instantSchema, until: instantSchema })
  .refine((a) => Date.parse(a.from) < Date.parse(a.until), { message: 'an absence ends after it starts', path: ['until'] });
/** One absence. */
export type Absence = z.infer<typeof absenceSchema>;

/** An engineer's booking profile. */
export const engineerSchema = z.strictObject({
  /** The profile's own record id, which appointments name (the operator id is local to one laptop). */
  id: recordIdSchema,
  operatorId: operatorIdSchema,
  /** Vendor names, spelt as in the terminal models table. */
  skills: z.array(vendorNameSchema).max(50),
  areas: z.array(areaCodeSchema).max(5000),
  timeZone: timeZoneSchema,
  hours: weekWindowsSchema,
  absences: z.array(absenceSchema).max(1000),
});
/** An engineer. */
export type Engineer = z.infer<typeof engineerSchema>;
