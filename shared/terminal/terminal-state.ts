import { z } from 'zod';
import { terminalIdentitySchema } from './terminal-identity';
import type { NumberedLinkLogLine } from './link-log-line';

/** A line of the Terminal page's link log: the one link log line (link-log-line.ts), numbered by the page's buffer. */
export type LinkLogEntry = NumberedLinkLogLine;

/** The Terminal page's connection. */
export const connectionStateSchema = z.strictObject({
  // `rebinding`: the rebinding engine has the line; the page reads nothing until it gives it back.
  status: z.enum(['disconnected', 'connecting', 'connected', 'rebinding', 'lost']),
  portPath: z.string().max(4096).nullable(),
  demo: z.boolean(),
  identity: terminalIdentitySchema.nullable(),
  error: z.string().max(2000).nullable(),
});
/** Connection status with the identity when connected. */
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Baud rates offered for RS-232 terminals. */
export const baudRates = [9600, 19200, 38400, 57600, 115200] as const;

/** Input of `terminal:connect`. */
export const connectInputSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  baudRate: z.number().int().refine((n) => (baudRates as readonly number[]).includes(n), { message: `must be one of ${baudRates.join(', ')}` }),
});
