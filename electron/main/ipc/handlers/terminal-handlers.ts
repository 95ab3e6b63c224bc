import type { SettingsService } from '../../settings/settings-service';
import { maskSecretParams } from '../../terminal/service/terminal-secrets';
import type { TerminalService } from '../../terminal/service/terminal-service';
import type { HandlersFor } from './handler-types';

type TerminalChannel =
  | 'terminal:list-ports'
  | 'terminal:state'
  | 'terminal:connect'
  | 'terminal:disconnect'
  | 'terminal:read-batch'
  | 'terminal:read-params'
  | 'terminal:link-log'
  | 'terminal:export-log';

/** The Terminal page. */
export function terminalHandlers(terminal: TerminalService, settings: SettingsService): HandlersFor<TerminalChannel> {
  return {
    'terminal:list-ports': () => terminal.listPorts(),
    'terminal:state': () => terminal.state(),
    'terminal:connect': async (input, { caller }) => {
      const state = await terminal.connect(input.path, input.baudRate);
      // The port that worked is remembered here rather than in the terminal service, because the
      // settings change is audited under the operator who connected.
      if (state.status === 'connected') settings.update(caller, { terminalPort: input.path, terminalBaudRate: input.baudRate });
      return state;
    },
    'terminal:disconnect': () => terminal.disconnect(),
    'terminal:read-batch': () => terminal.readBatch(),
    // The key check value leaves main masked; sensitive:reveal shows it, audited.
    'terminal:read-params': async () => maskSecretParams(await terminal.readParams()),
    'terminal:link-log': (input) => ({ entries: terminal.linkLog(input.afterSeq) }),
    'terminal:export-log': (input) => terminal.exportLog(input.format),
  };
}
