// What the rebind engine says while it runs, in English, by code: why a step stopped (a check the
// engine made failed), what the recovery decision found on the terminal, why the terminal could not
// be reached, and a work order's mismatches. The On-site page says them in the user's language
// (renderer/src/i18n/messages/reasons-zh-cn-engine.ts); the CLI and the journal in these words.
export const engineReasonsEnglish = {
  'stop-cancelled': 'The rebind was cancelled by the engineer.',
  'stop-batch-kept-reopening': 'The batch kept reopening ({rounds} settle rounds): stop sales on the terminal during the rebind.',
  'stop-backup-missing': 'The journal says the backup is stored, but it is not there: nothing is changed without it.',
  'stop-backup-digest-differs': 'GET_PARAMS read a set with digest {read}, but HELLO reported {reported}: the backup would not match the active set.',
  'stop-batch-still-open': 'SETTLE answered 00, but the batch still holds {count} transactions (reversal pending: {reversal}, offline: {offline}).',
  'stop-verify-digest-differs': "VERIFY_STAGE reports digest {verified}, but the new set's digest is {target}.",
  'stop-commit-wrong-set': 'COMMIT activated a set with digest {active}, not the new set {target}.',
  'stop-read-back-not-new': "The read-back digest {read} is not the new set's {target}.",
  'stop-read-back-not-old': "The read-back digest {read} is not the old set's {before}.",
  'stop-confirm-not-settled': 'After CONFIRM the terminal reports digest {active} with {previous}; expected the new set and no previous set.',
  'stop-host-test-declined': '{command} answered field 39 = {code}, not 00.',
  'previous-still-kept': 'a previous set still kept',
  'previous-not-kept': 'no previous set',
  'word-yes': 'yes',
  'word-no': 'no',
  'digest-not-recorded': '?',

  'refused-work-order': 'The terminal does not match the work order: {mismatches}.',
  'mismatch-line': '{field}: the work order says {expected}, the terminal says {actual}',
  'mismatches-2': '{a}; {b}',
  'work-order-field-serialNumber': 'serial number',
  'work-order-field-tid': 'TID',
  'work-order-field-model': 'model',
  'refused-open-operation': 'Terminal {serial} has an interrupted rebind (operation #{operationId}) that must be finished or undone first.',
  'refused-unconfirmed-set':
    'Terminal {serial} keeps an unconfirmed previous set (F009 = 1) beside its active set {active}…, and this data directory has no open rebind for it: a rebind started elsewhere did not finish.',
  'refused-locked': 'The terminal is locked by its current acquirer (acquirer id {acquirerId}, F00A = 1): ask that bank to release it before rebinding.',

  'terminal-unreachable-within': 'The terminal did not answer within {seconds} s ({attempts} attempts). Last error: {last}',

  'decision-wrong-terminal': 'The connected terminal is {connected}, but the operation is for {expected}: connect that terminal.',
  'decision-verify-new': 'The new set is active and not yet confirmed: read it back, run the host tests, then confirm.',
  'decision-rollback': 'The new set is active and not yet confirmed: roll back to the old set.',
  'decision-finish-rebound': 'The new set is active and confirmed (CONFIRM reached the terminal): read it back.',
  'decision-confirmed-elsewhere': 'The new set is active and confirmed, but RebindDesk never sent CONFIRM: something else changed the terminal.',
  'decision-finish-restore': 'The old set is active: drop any unfinished stage and read the old set back.',
  'decision-resume-forward': 'The old set is active (the new one never took effect): check the batch, stage and commit again.',
  'decision-start-over': 'The old set is active and no backup was taken yet: start again from the backup.',
  'decision-unknown-set': 'The active set ({active}…) is neither the old one ({old}…) nor the new one ({target}…).',
} as const;
