// A terminal model: the same table the port recognition uses to name a plugged-in device.
import { z } from 'zod';
import { recordIdSchema, vendorNameSchema } from './ids';

const usbId = z.string().regex(/^[0-9a-f]{4}$/, 'a USB id is 4 lower-case hex digits (e.g. 2fb8)');

/** A terminal model. */
export const terminalModelSchema = z.strictObject({
  id: recordIdSchema,
  vendor: vendorNameSchema,
  model: z.string().trim().min(1).max(64),
  usbVendorId: usbId,
  usbProductId: usbId,
});
/** A terminal model. */
export type TerminalModel = z.infer<typeof terminalModelSchema>;
