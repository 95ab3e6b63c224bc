// Checks a state (from a file or from options) before the simulator trusts it, so a hand-edited
// state file fails at start with a message naming the field, not mid-session.
import { z } from 'zod';
import { DEFAULT_MAX_BODY, ABSOLUTE_MAX_BODY, validateParameterSet } from '../../../../shared/rtp';
import type { SimulatorStateInit } from './terminal-state';

const params = z.record(z.string().regex(/^[0-9A-F]{4}$/, 'parameter keys are 4 upper-case hex digits such as A001'), z.string());

const journalRecord = z.strictObject({
  stan: z.string().regex(/^[0-9]{6}$/, 'STAN is 6 digits'),
  time: z.string().regex(/^[0-9]{14}$/, 'time is YYYYMMDDhhmmss'),
  amountFen: z.number().int().nonnegative(),
  maskedPan: z.string().min(1).max(19),
  type: z.enum(['SALE', 'VOID', 'REFUND', 'PREAUTH']),
  status: z.enum(['APPROVED', 'REVERSED', 'OFFLINE', 'VOIDED']),
});

/** The schema of SimulatorStateInit. */
export const simulatorStateSchema = z.strictObject({
  identity: z.strictObject({
    vendor: z.string().min(1).max(64),
    model: z.string().min(1).max(64),
    serialNumber: z.string().min(1).max(64),
    firmware: z.string().min(1).max(64),
    maxBody: z.number().int().min(DEFAULT_MAX_BODY).max(ABSOLUTE_MAX_BODY),
  }),
  host: z.strictObject({
    reachable: z.boolean(),
    responseCode: z.string().regex(/^[0-9A-Z]{2}$/, 'field 39 is 2 letters or digits'),
    unreachableCode: z.string().regex(/^[0-9A-Z]{2}$/, 'field 39 is 2 letters or digits').nullable(),
    totalsBalance: z.boolean(),
  }),
  locked: z.boolean(),
  slots: z.strictObject({ A: params.nullable(), B: params.nullable() }),
  activeSlot: z.enum(['A', 'B']),
  previousPresent: z.boolean(),
  stan: z.number().int().min(0).max(999_999),
  batchNumber: z.number().int().min(0).max(999_999),
  reversalPending: z.boolean(),
  journal: z.array(journalRecord),
});

/** Parses and cross-checks a state; throws an Error that names the field at fault and the source. */
export function parseSimulatorState(value: unknown, source: string): SimulatorStateInit {
  const parsed = simulatorStateSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source} is not a valid simulator state: ${z.prettifyError(parsed.error)}`);
  const state: SimulatorStateInit = parsed.data;
  const active = state.slots[state.activeSlot];
  if (active === null) throw new Error(`${source}: the active slot ${state.activeSlot} is empty; put a parameter set in it.`);
  if (state.previousPresent && state.slots[state.activeSlot === 'A' ? 'B' : 'A'] === null) {
    throw new Error(`${source}: previousPresent is true but the inactive slot is empty; set it to false or fill the slot.`);
  }
  for (const slot of ['A', 'B'] as const) {
    const set = state.slots[slot];
    const problem = set === null ? undefined : validateParameterSet(set);
    if (problem !== undefined) throw new Error(`${source}: slot ${slot}: ${problem.message}.`);
  }
  return state;
}
