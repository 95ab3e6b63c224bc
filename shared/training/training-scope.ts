// Which main-process handlers a call from a window in training reaches (docs/training.md). Three
// answers: `real` (the session itself, the device's settings and language, training's own
// channels: the same in both modes), `training` (the work of an appointment: the desk's records,
// the terminal, the rebind, the checklist, the service report; answered by the modules composed
// over the training file) and `refused` (everything else: backups, operators, key upkeep, CSV
// import and export, the Reports page, the compliance report). Refused is the default, so a
// channel added later cannot reach real data from training before someone places it here.
import type { EventChannel, InvokeChannel } from '../ipc/channels';

/** Where a channel called in training goes. */
export type TrainingScope = 'real' | 'training' | 'refused';

const realChannels: ReadonlySet<string> = new Set([
  'app:info',
  'settings:get',
  'settings:update',
  'settings:update-device-default',
  'settings:support-contact',
  'preferences:get',
  'preferences:update',
  'security:policy-get',
]);
const realPrefixes = ['auth:', 'two-factor:', 'training:'];

// The work of an appointment. A report channel (issue 11 point 3) goes with the appointment it
// reports on; the Reports page (`reports:`) and the compliance report read the real file only.
const trainingPrefixes = ['desk:', 'terminal:', 'rebind:', 'checklist:', 'report:'];
const trainingChannels: ReadonlySet<string> = new Set(['sensitive:reveal', 'audit:list', 'audit:verify']);
// Training records must not leave the training file as a CSV that could be imported for real.
const refusedInTraining: ReadonlySet<string> = new Set(['desk:import-preview', 'desk:import-commit', 'desk:export']);

/** Where a call from a window in training goes. */
export function trainingScopeOf(channel: InvokeChannel | string): TrainingScope {
  if (realChannels.has(channel) || realPrefixes.some((prefix) => channel.startsWith(prefix))) return 'real';
  if (refusedInTraining.has(channel)) return 'refused';
  if (trainingChannels.has(channel) || trainingPrefixes.some((prefix) => channel.startsWith(prefix))) return 'training';
  return 'refused';
}

/**
 * Events that belong to one side: the terminal and the rebind. A training window gets the training
 * terminal's, a real window the real one's. The others (settings changed, a restore) are the real
 * file's and reach every window.
 */
export const sideEvents: ReadonlySet<EventChannel> = new Set(['terminal:ports-changed', 'terminal:state-changed', 'terminal:log', 'rebind:event', 'rebind:start-failed']);

/** Which side emitted an event. */
export type EventSide = 'real' | 'training';

/** True when a window (in training or not) gets `event` emitted by `side`. */
export function windowGetsEvent(event: EventChannel, side: EventSide, windowInTraining: boolean): boolean {
  if (sideEvents.has(event)) return windowInTraining === (side === 'training');
  return side === 'real';
}
