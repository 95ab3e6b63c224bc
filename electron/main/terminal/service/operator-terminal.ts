// The terminal as an operator drives it from the Terminal page: a connection that works is
// remembered under that operator (an audited settings change), and parameters leave main masked.
import type { Actor } from '../../../../shared/auth/session';
import type { TerminalParameters } from '../../../../shared/terminal/terminal-identity';
import type { ConnectionState } from '../../../../shared/terminal/terminal-state';
import { maskSecretParams } from './terminal-secrets';
import type { TerminalService } from './terminal-service';

/** Stores the port and baud rate that worked, audited under `actor` (the settings service in the app). */
export type RememberPort = (actor: Actor, port: { terminalPort: string; terminalBaudRate: number }) => void;

/** Connect-and-remember and the masked parameter read. */
export function createOperatorTerminal(terminal: TerminalService, rememberPort: RememberPort) {
  return {
    async connect(actor: Actor, input: { path: string; baudRate: number }): Promise<ConnectionState> {
      const state = await terminal.connect(input.path, input.baudRate);
      if (state.status === 'connected') rememberPort(actor, { terminalPort: input.path, terminalBaudRate: input.baudRate });
      return state;
    },
    // The key check value leaves main masked; sensitive:reveal shows it, audited.
    readParams: async (): Promise<TerminalParameters> => maskSecretParams(await terminal.readParams()),
  };
}
