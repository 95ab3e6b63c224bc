import { z } from 'zod';

/** A serial port as the Terminal page and `rebind ports` show it. */
export const portInfoSchema = z.strictObject({
  path: z.string().max(4096),
  source: z.enum(['system', 'manual', 'demo']),
  manufacturer: z.string().max(256).optional(),
  serialNumber: z.string().max(256).optional(),
  vendorId: z.string().max(16).optional(),
  productId: z.string().max(16).optional(),
  vendor: z.strictObject({ name: z.string(), kind: z.enum(['terminal', 'usb-serial-adapter']) }).nullable(),
});
export type PortInfo = z.infer<typeof portInfoSchema>;

/** The port list with a note when the system list is unavailable (no udev, no permission). */
export const portListSchema = z.strictObject({
  ports: z.array(portInfoSchema),
  problem: z.string().max(2000).nullable(),
});
export type PortList = z.infer<typeof portListSchema>;

/** The path under which the built-in demo terminal is listed. */
export const demoPortPath = 'demo:terminal';
