// createSimulator: resolves the options into a SimulatedTerminal.
import { systemClock } from '../../platform/clock';
import { protocolTiming } from '../link/link-timing';
import type { LinkTiming } from '../link/link-timing';
import { FaultInjector } from './fault-injector';
import { NO_FAULTS } from './fault-plan';
import { parseFaultSpec } from './fault-spec';
import { mergeInitialState } from './default-state';
import { checkLineModel } from './line-model';
import { resolveProcessingTimes } from './processing-times';
import { SimulatedTerminal } from './simulated-terminal';
import { eventEmitter } from './simulator-events';
import type { SimulatorOptions, TerminalSimulator } from './simulator-types';
import { parseSimulatorState } from './state-schema';
import { createFileStateStore, createMemoryStateStore } from './state-store';

/** Builds a simulated terminal from options; throws with a clear message on a bad option or state file. */
export function createSimulator(options: SimulatorOptions = {}): TerminalSimulator {
  const initial = parseSimulatorState(mergeInitialState(options.initialState), 'Simulator initialState');
  const store = options.statePath === undefined ? createMemoryStateStore(initial) : createFileStateStore(options.statePath, initial);
  if (options.line !== undefined) checkLineModel(options.line);
  const timing = resolveTiming(options.timing);
  const plan = typeof options.faults === 'string' ? parseFaultSpec(options.faults) : (options.faults ?? NO_FAULTS);
  const clock = options.clock ?? systemClock;
  return new SimulatedTerminal({
    store,
    line: options.line === undefined ? undefined : { ...options.line },
    timing,
    times: resolveProcessingTimes(options.processing),
    paging: checkPaging(options.paging ?? {}),
    faults: new FaultInjector(plan),
    emit: eventEmitter(options.onEvent, clock),
    clock,
  });
}

function resolveTiming(partial: Partial<LinkTiming> | undefined): LinkTiming {
  const timing: LinkTiming = { ...protocolTiming, ...partial };
  // The host's command bounds are not the terminal's business; every other field is a time or a count.
  const { commandBounds: _hostOnly, ...timers } = timing;
  for (const [name, value] of Object.entries(timers)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`Simulator timing ${name} must be a positive number, got ${value}.`);
  }
  if (!Number.isInteger(timing.maxTransmissions)) throw new Error(`Simulator timing maxTransmissions must be a whole number, got ${timing.maxTransmissions}.`);
  return timing;
}

function checkPaging(paging: NonNullable<SimulatorOptions['paging']>): NonNullable<SimulatorOptions['paging']> {
  for (const [name, value] of Object.entries(paging)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`Simulator paging ${name} must be a whole number of 1 or more, got ${value}.`);
  }
  return { ...paging };
}
