import { z } from 'zod';
import { bankTemplateSchema } from '../rebind/bank-template';
import { demoControlInputSchema, pendingOperationSchema, rebindRecoverInputSchema, rebindStartInputSchema } from '../rebind/rebind-ipc';
import { terminalRoles } from './channel-roles';

const started = z.strictObject({ started: z.literal(true) });

/** The On-site view's channels: engineers (and admins) run rebinds on the connected terminal. */
export const onsiteContract = {
  'rebind:templates': { input: z.strictObject({}), output: z.strictObject({ templates: z.array(bankTemplateSchema) }), roles: terminalRoles },
  'rebind:pending': { input: z.strictObject({}), output: z.strictObject({ operations: z.array(pendingOperationSchema) }), roles: terminalRoles },
  // The call returns when the run has started; `rebind:event` carries its steps and outcome.
  'rebind:start': { input: rebindStartInputSchema, output: started, roles: terminalRoles },
  'rebind:recover': { input: rebindRecoverInputSchema, output: started, roles: terminalRoles },
  // Asks the running rebind to stop at its next safe point; false when none runs. Its outcome follows as an event.
  'rebind:cancel': { input: z.strictObject({}), output: z.strictObject({ cancelling: z.boolean() }), roles: terminalRoles },
  'terminal:demo-control': { input: demoControlInputSchema, output: z.strictObject({}), roles: terminalRoles },
} as const;
