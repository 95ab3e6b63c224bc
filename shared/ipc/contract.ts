import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './channels';
import { appInfoSchema } from '../app/app-info';
import { settingsPatchSchema, settingsSchema } from '../settings/settings';
import {
  backupCreateInputSchema,
  backupEntrySchema,
  backupRestoreInputSchema,
  restoreOutcomeSchema,
} from '../backup/backup';
import { portListSchema } from '../terminal/port-info';
import {
  batchSummarySchema,
  connectInputSchema,
  connectionStateSchema,
  linkLogEntrySchema,
  terminalParametersSchema,
} from '../terminal/terminal-state';

/** Input and output schema of one channel. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

const noInput = z.strictObject({});

/** The IPC contract: channel → input and output schemas. Main parses every input with it. */
export const invokeContract = {
  'app:info': { input: noInput, output: appInfoSchema },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:update': { input: settingsPatchSchema, output: settingsSchema },
  'backup:list': {
    input: noInput,
    output: z.strictObject({ entries: z.array(backupEntrySchema), last: backupEntrySchema.nullable() }),
  },
  // null: the user closed the file dialog.
  'backup:create': { input: backupCreateInputSchema, output: backupEntrySchema.nullable() },
  'backup:restore': { input: backupRestoreInputSchema, output: restoreOutcomeSchema.nullable() },
  'terminal:list-ports': { input: noInput, output: portListSchema },
  'terminal:state': { input: noInput, output: connectionStateSchema },
  'terminal:connect': { input: connectInputSchema, output: connectionStateSchema },
  'terminal:disconnect': { input: noInput, output: connectionStateSchema },
  'terminal:read-batch': { input: noInput, output: batchSummarySchema },
  'terminal:read-params': { input: noInput, output: terminalParametersSchema },
  'terminal:link-log': {
    input: z.strictObject({ afterSeq: z.number().int().min(-1).optional() }),
    output: z.strictObject({ entries: z.array(linkLogEntrySchema) }),
  },
  // null: the user closed the save dialog.
  'terminal:export-log': {
    input: z.strictObject({ format: z.enum(['text', 'jsonl']) }),
    output: z.strictObject({ location: z.string(), entries: z.number().int() }).nullable(),
  },
} satisfies Record<InvokeChannel, ChannelSpec>;

/** Event → payload schema, for main → renderer notifications. */
export const eventContract = {
  'settings:changed': settingsSchema,
  'backup:restored': restoreOutcomeSchema,
  'terminal:ports-changed': portListSchema,
  'terminal:state-changed': connectionStateSchema,
  'terminal:log': z.array(linkLogEntrySchema),
} satisfies Record<EventChannel, z.ZodType>;

/** What the caller passes on a channel. */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
/** What the service receives after parsing. */
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>;
/** What a channel answers. */
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
/** The payload of an event. */
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;
