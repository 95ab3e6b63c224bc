import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { PortList } from '../../../shared/terminal/port-info';
import type { LiveSecretSource } from '../crypto/reveal-service';
import { auditedOn } from '../db/audited';
import type { FeatureModule } from '../ipc/compose-modules';
import type { FilePicker } from '../platform/file-picker';
import type { PortOpener } from './port/byte-port';
import { createLinkLogBuffer } from './service/link-log-buffer';
import { createOperatorTerminal, type RememberPort } from './service/operator-terminal';
import { createTerminalAdapters } from './service/terminal-adapters';
import { revealableTerminalFields } from '../../../shared/terminal/revealable-fields';
import { createTerminalSecretReveal } from './service/terminal-secrets';
import { createTerminalService, type TerminalService } from './service/terminal-service';

type TerminalChannel =
  | 'terminal:list-ports'
  | 'terminal:state'
  | 'terminal:connect'
  | 'terminal:disconnect'
  | 'terminal:read-batch'
  | 'terminal:read-params'
  | 'terminal:link-log'
  | 'terminal:export-log';

/** What the terminal feature needs. */
export interface TerminalModuleDeps {
  dataDir: string;
  connection: () => Database.Database;
  events: EventPort;
  now: () => Date;
  picker: FilePicker;
  listSystemPorts: () => Promise<PortList>;
  openPort: PortOpener;
  /** Simulator speed for the demo terminal; null runs it without line delays. */
  demoLine?: { baudRate: number; turnaroundMs: number } | null | undefined;
  /** The port the last connection used (from the settings). */
  lastPort: () => string | null;
  rememberPort: RememberPort;
  logError: (what: string, error: unknown) => void;
}

/** The Terminal page; the service and its secrets are handed on to On-site and the reveals. */
export function createTerminalModule(deps: TerminalModuleDeps): FeatureModule<TerminalChannel> & { service: TerminalService; secrets: LiveSecretSource } {
  const adapters = createTerminalAdapters({
    demoStatePath: join(deps.dataDir, 'demo-terminal.json'),
    demoLine: deps.demoLine === undefined ? { baudRate: 115200, turnaroundMs: 16 } : deps.demoLine,
  });
  const linkLog = createLinkLogBuffer({ onError: deps.logError });
  linkLog.subscribe((entries) => deps.events.emit('terminal:log', entries));
  const terminal = createTerminalService({
    events: deps.events,
    log: linkLog,
    listSystemPorts: deps.listSystemPorts,
    openPort: deps.openPort,
    openSession: adapters.openSession,
    startDemoTerminal: adapters.startDemoTerminal,
    lastPort: deps.lastPort,
    // operator-terminal.ts remembers the port, so the change is audited under the operator who connected.
    remember: () => undefined,
    chooseLogTarget: (name) => deps.picker.chooseLinkLogTarget(name),
    logError: deps.logError,
  });
  const operated = createOperatorTerminal(terminal, deps.rememberPort);
  const reveal = createTerminalSecretReveal({ terminal, audited: auditedOn(deps.connection), now: deps.now });
  return {
    service: terminal,
    secrets: { isRevealable: (field) => revealableTerminalFields.has(field), reveal: (actor, serial, field) => reveal.reveal(actor, serial, field) },
    close: () => terminal.close(),
    handlers: {
      'terminal:list-ports': () => terminal.listPorts(),
      'terminal:state': () => terminal.state(),
      'terminal:connect': (input, { caller }) => operated.connect(caller, input),
      'terminal:disconnect': () => terminal.disconnect(),
      'terminal:read-batch': () => terminal.readBatch(),
      'terminal:read-params': () => operated.readParams(),
      'terminal:link-log': (input) => ({ entries: terminal.linkLog(input.afterSeq) }),
      'terminal:export-log': (input) => terminal.exportLog(input.format),
    },
  };
}
