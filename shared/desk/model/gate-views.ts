// What the booking gate needs to know about a merchant and a terminal. The full records and their
// field validators live in shared/desk/validators/; these are the fields the gate reads, so the gate
// does not depend on the forms.
import { z } from 'zod';
import { plainDateSchema } from './calendar';
import { areaCodeSchema, recordIdSchema } from './ids';

/** A settlement account's status as last checked with the bank. */
export const accountStatuses = ['normal', 'frozen', 'arrears'] as const;
/** One account status. */
export type AccountStatus = (typeof accountStatuses)[number];
/** Parses an account status. */
export const accountStatusSchema = z.enum(accountStatuses);

/** The merchant's fields the gate reads. */
export const merchantGateViewSchema = z.object({
  accountStatus: accountStatusSchema,
  /** The day the account status was last checked (local to the target bank). */
  accountCheckedOn: plainDateSchema,
  area: areaCodeSchema,
});
/** The merchant's fields the gate reads. */
export type MerchantGateView = z.infer<typeof merchantGateViewSchema>;

/** The terminal's fields the gate reads. */
export const terminalGateViewSchema = z.object({
  modelId: recordIdSchema,
  /** As the terminal reports it (HELLO F006), e.g. `PayDroid 7.1.2`; the first dotted number is its version. */
  firmware: z.string().max(128),
});
/** The terminal's fields the gate reads. */
export type TerminalGateView = z.infer<typeof terminalGateViewSchema>;
