// Why the rebind engine, the terminal service and the serial port refused a call, in English, by
// code (AppError's reason): what went wrong and what to do next. The renderer says them in the
// user's language (renderer/src/i18n/messages/reasons-zh-cn-service.ts); the logs and the CLI in these words.
export const serviceReasonsEnglish = {
  'parameter-set-invalid': 'The new parameter set is not valid: {problems}. Correct it; nothing was sent.',
  'operation-not-open': 'Rebind operation #{operationId} is not open: there is nothing to recover.',
  'operation-running': 'Rebind operation #{operationId} is running now; wait for it to end.',
  'operation-owned-elsewhere': 'Rebind operation #{operationId} is running in another process ({owner}); wait for it to end, or stop that process first.',
  'abandon-reason-too-short': 'Say in a sentence why the operation is closed by hand (at least {min} characters).',
  'stage-set-empty': 'The parameter set to stage is empty: build it from the new bank’s parameters first.',

  'port-permission-denied': 'Permission denied on {path}. On Linux, add your user to the dialout group ({command}), log out and in again, then reconnect.',
  'port-not-found': '{path} does not exist. Check the cable and that the terminal is on, or pick the port again from the list.',
  'port-busy': '{path} is in use by another program. Close that program (or another RebindDesk window) and try again.',
  'port-open-failed': '{path} could not be opened: {detail}',

  'secret-field-unknown': 'terminal.{field} is not a secret terminal value; the only one is keyCheckValue.',
  'secret-role-not-allowed': "Your role ({role}) may not see the terminal's {field}.",
  'terminal-not-connected': 'Terminal {serial} is not connected; connect to it and try again.',
  'no-terminal-connected': 'No terminal is connected. Choose a port (or the demo terminal) and connect first.',
  'no-terminal-to-reconnect': 'No terminal is connected. Connect the terminal (or the demo terminal) on the Terminal page first.',
  'rebind-running-on-terminal': 'A rebind is running on this terminal. Wait for its outcome on the On-site page.',
} as const;
