import type { OnsiteService } from '../../onsite/onsite-service';
import type { TerminalService } from '../../terminal/service/terminal-service';
import type { HandlersFor } from './handler-types';

type OnsiteChannel = 'rebind:templates' | 'rebind:pending' | 'rebind:start' | 'rebind:recover' | 'rebind:cancel' | 'terminal:demo-control';

/** The On-site view: bank templates, interrupted operations, starting and recovering rebinds, demo switches. */
export function onsiteHandlers(onsite: OnsiteService, terminal: TerminalService): HandlersFor<OnsiteChannel> {
  return {
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
  };
}
