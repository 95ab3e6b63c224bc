import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './channels';
import type { ChannelRoles } from '../auth/roles';
import { appInfoSchema } from '../app/app-info';
import { settingsPatchSchema, settingsSchema } from '../settings/settings';
import { preferencesPatchSchema, preferencesSchema } from '../settings/preferences';
import { supportContactInputSchema, supportContactSchema } from '../settings/support-contact';
import {
  backupCreateInputSchema,
  backupEntrySchema,
  backupRestoreInputSchema,
  restoreOutcomeSchema,
} from '../backup/backup';
import { portListSchema } from '../terminal/port-info';
import { connectInputSchema, connectionStateSchema } from '../terminal/terminal-state';
import { batchSummarySchema, terminalParametersSchema } from '../terminal/terminal-identity';
import { LINK_LOG_VIEW_LINES, numberedLinkLogLineSchema } from '../terminal/link-log-line';
import { securityContract } from './contract-security';
import { onsiteContract } from './contract-onsite';
import { deskContract } from './contract-desk';
import { deskMerchantsContract } from './contract-desk-merchants';
import { deskBookingContract } from './contract-desk-booking';
import { deskCasesContract } from './contract-desk-cases';
import { checklistContract } from './contract-checklist';
import { trainingContract } from './contract-training';
import { reportContract } from './contract-report';
import { reportsContract } from './contract-reports';
import { rebindEventSchema } from '../rebind/rebind-events';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { adminOnly, terminalRoles } from './channel-roles';

/** Input and output schema of one channel, and who may call it. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Checked by the router before the input is parsed or any service code runs. */
  roles: ChannelRoles;
}

const noInput = z.strictObject({});

/** The IPC contract: channel → input and output schemas and the roles that may call it. Main parses every input with it. */
export const invokeContract = {
  // The sign-in screen shows the version and speaks the stored language, so these two are public.
  'app:info': { input: noInput, output: appInfoSchema, roles: 'public' },
  'settings:get': { input: noInput, output: settingsSchema, roles: 'public' },
  'settings:update': { input: settingsPatchSchema, output: settingsSchema, roles: 'signed-in' },
  // The language and theme of the screens before sign-in, chosen on them: nobody is signed in yet.
  'settings:update-device-default': { input: preferencesPatchSchema, output: settingsSchema, roles: 'public' },
  // The desk's support contact: everyone signed in reads it on the operating guide, admins set it.
  'settings:support-contact': { input: noInput, output: supportContactSchema, roles: 'signed-in' },
  'settings:support-contact-update': { input: supportContactInputSchema, output: supportContactSchema, roles: adminOnly },
  // One's own language and theme; any session, so the forced password change can be read in one's language too.
  'preferences:get': { input: noInput, output: preferencesSchema, roles: 'session' },
  'preferences:update': { input: preferencesPatchSchema, output: preferencesSchema, roles: 'session' },
  // A restore replaces every operator and the audit log, and backups hold every record: admin only.
  'backup:list': {
    input: noInput,
    output: z.strictObject({ entries: z.array(backupEntrySchema), last: backupEntrySchema.nullable() }),
    roles: adminOnly,
  },
  // null: the user closed the file dialog.
  'backup:create': { input: backupCreateInputSchema, output: backupEntrySchema.nullable(), roles: adminOnly },
  'backup:restore': { input: backupRestoreInputSchema, output: restoreOutcomeSchema.nullable(), roles: adminOnly },
  'terminal:list-ports': { input: noInput, output: portListSchema, roles: terminalRoles },
  'terminal:state': { input: noInput, output: connectionStateSchema, roles: terminalRoles },
  'terminal:connect': { input: connectInputSchema, output: connectionStateSchema, roles: terminalRoles },
  'terminal:disconnect': { input: noInput, output: connectionStateSchema, roles: terminalRoles },
  'terminal:read-batch': { input: noInput, output: batchSummarySchema, roles: terminalRoles },
  'terminal:read-params': { input: noInput, output: terminalParametersSchema, roles: terminalRoles },
  'terminal:link-log': {
    input: z.strictObject({ afterSeq: z.number().int().min(-1).optional() }),
    output: z.strictObject({ entries: z.array(numberedLinkLogLineSchema).max(LINK_LOG_VIEW_LINES) }),
    roles: terminalRoles,
  },
  // null: the user closed the save dialog.
  'terminal:export-log': {
    input: z.strictObject({ format: z.enum(['text', 'jsonl']) }),
    output: z.strictObject({ location: z.string(), entries: z.number().int() }).nullable(),
    roles: terminalRoles,
  },
  ...securityContract,
  ...onsiteContract,
  ...deskContract,
  ...deskMerchantsContract,
  ...deskBookingContract,
  ...deskCasesContract,
  ...checklistContract,
  ...trainingContract,
  ...reportContract,
  ...reportsContract,
} satisfies Record<InvokeChannel, ChannelSpec>;

/** Event → payload schema, for main → renderer notifications. */
export const eventContract = {
  'settings:changed': settingsSchema,
  'backup:restored': restoreOutcomeSchema,
  'terminal:ports-changed': portListSchema,
  'terminal:state-changed': connectionStateSchema,
  'terminal:log': z.array(numberedLinkLogLineSchema),
  'rebind:event': rebindEventSchema,
  // `message` is the English (logs); the page says `reason` in the user's language.
  'rebind:start-failed': z.strictObject({ message: z.string(), reason: mainReasonSchema }),
} satisfies Record<EventChannel, z.ZodType>;

/** Who may receive each event: main forwards an event to a window only when its session passes the same check as a call. */
export const eventRoles = {
  'settings:changed': 'public',
  'backup:restored': adminOnly,
  'terminal:ports-changed': terminalRoles,
  'terminal:state-changed': terminalRoles,
  'terminal:log': terminalRoles,
  'rebind:event': terminalRoles,
  'rebind:start-failed': terminalRoles,
} as const satisfies Record<EventChannel, ChannelRoles>;

/** What the caller passes on a channel. */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
/** What the service receives after parsing. */
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>;
/** What a channel answers. */
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;
/** The roles declaration of a channel, as a literal type. */
export type RolesOf<C extends InvokeChannel> = (typeof invokeContract)[C]['roles'];

// channels.ts (names only, for the preload) and the contract must name the same channels; a
// spread part escapes `satisfies`' excess-key check, so the equality is checked here as a type.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the contract and the channel list agree (fails typecheck otherwise). */
export const contractMatchesChannelList: SameKeys<keyof typeof invokeContract, InvokeChannel> = true;
