import type Database from 'better-sqlite3';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { FieldEncryption } from '../crypto/field-encryption';
import type { FeatureModule } from '../ipc/compose-modules';
import { loadBankTemplates } from '../rebind/bank-templates';
import { createRebindEngine, type RebindEngine } from '../rebind/rebind-engine';
import type { TerminalService } from '../terminal/service/terminal-service';
import { createOnsiteService, type OnsiteService } from './onsite-service';
import type { VisitOutcomePort } from '../desk/booking/visit-outcome-port';

type OnsiteChannel = 'rebind:templates' | 'rebind:pending' | 'rebind:start' | 'rebind:recover' | 'rebind:cancel' | 'terminal:demo-control';

/** How long quitting waits for a running rebind to cancel before leaving it to recovery. */
export const REBIND_SHUTDOWN_GRACE_MS = 15_000;

export interface OnsiteModuleDeps {
  connection: () => Database.Database;
  encryption: FieldEncryption;
  terminal: TerminalService;
  events: EventPort;
  logError: (what: string, error: unknown) => void;
  bankTemplatesDir: string;
  /** How long close() waits for a running rebind (REBIND_SHUTDOWN_GRACE_MS by default). */
  shutdownGraceMs?: number | undefined;
  /** How that wait passes (setTimeout by default); tests drive it by hand instead of by the clock. */
  shutdownWait?: ((ms: number) => Promise<void>) | undefined;
  /** Moves a desk case by the outcome of its rebind (desk/booking); absent, outcomes move nothing. */
  visitOutcome?: VisitOutcomePort | undefined;
}

/** The On-site view: bank templates, interrupted operations, starting and recovering rebinds, demo switches. */
export function createOnsiteModule(deps: OnsiteModuleDeps): FeatureModule<OnsiteChannel> & { service: OnsiteService; engine: RebindEngine } {
  const engine = createRebindEngine({ connection: deps.connection, encryption: deps.encryption });
  const loaded = loadBankTemplates(deps.bankTemplatesDir);
  for (const refused of loaded.refused) deps.logError(`bank template ${refused.file} refused`, refused.problems);
  const onsite = createOnsiteService({
    engine,
    terminal: deps.terminal,
    templates: () => loaded.templates,
    emit: (event) => deps.events.emit('rebind:event', event),
    emitFailure: (failure) => deps.events.emit('rebind:start-failed', failure),
    logError: (error) => deps.logError('rebind', error),
    ...(deps.shutdownWait === undefined ? {} : { wait: deps.shutdownWait }),
    ...(deps.visitOutcome === undefined ? {} : { visitOutcome: deps.visitOutcome }),
  });
  const { terminal } = deps;
  return {
    service: onsite,
    engine,
    // A running rebind is asked to cancel and given a bounded time to reach a verified set; after
    // that it is left to recovery (the journal keeps it open), so quitting never hangs.
    close: async () => {
      const ended = await onsite.shutdown(deps.shutdownGraceMs ?? REBIND_SHUTDOWN_GRACE_MS);
      if (!ended) deps.logError('shutdown', new Error('A rebind did not end within the shutdown grace period; it is left open for recovery at the next start.'));
    },
    handlers: {
      'rebind:templates': () => ({ templates: onsite.templates() }),
      'rebind:pending': (_input, { caller }) => ({ operations: onsite.pending(caller.username) }),
      // Every journal write of the run is audited under the operator who started it.
      'rebind:start': (input, { caller }) => onsite.start(input, caller.username),
      'rebind:recover': (input, { caller }) => onsite.recover(input, caller.username),
      'rebind:cancel': () => ({ cancelling: onsite.cancel() }),
      'terminal:demo-control': async (input) => {
        await terminal.demoControl(input);
        return {};
      },
    },
  };
}
