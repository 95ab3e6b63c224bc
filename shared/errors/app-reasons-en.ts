// Why a service refused a call, in English, by code (AppError's reason): what went wrong and what
// to do next. The renderer says them in the user's language; the logs and the CLI in these words.
export const appReasonsEnglish = {
  'setting-role-not-allowed': "Your role may not change this setting: only engineers and admins set the terminal's port and baud rate.",
  'rebind-running': 'A rebind is already running on this laptop; wait for its outcome.',
  'rebind-running-no-restore': 'A rebind is running; restoring now would replace its journal. Wait for its outcome, then restore.',
  'bank-template-unknown': 'There is no bank template "{templateId}"; choose one from the list.',
  'merchant-value-refused': '{problem} ({field}). Correct it and start again; nothing was sent to the terminal.',
  'demo-terminal-only': 'Connect the demo terminal first: these switches only exist on the simulator.',
  'temporary-session-expired': 'Enter the temporary password again: this session did not just sign in with it (within {minutes} minutes).',
} as const;
