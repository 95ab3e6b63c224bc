// Why the desk refused a merchant or terminal, in English, by code; the renderer says them in the
// user's language (renderer/src/i18n/messages/reasons-zh-cn-merchants.ts).
export const merchantReasonsEnglish = {
  'merchant-uscc-taken': 'The merchant {name} already has the credit code {uscc}. Open that merchant and edit it instead.',
  'merchant-sensitive-required': 'A new merchant needs the {field}; it may be left out only when editing, to keep the stored one.',
  'merchant-field-legal-rep-id': 'legal representative’s ID number',
  'merchant-field-account-no': 'account number',
  'terminal-serial-taken': 'A terminal with the serial number {serial} already exists. Open it and edit it instead.',
  'terminal-tid-taken': 'The TID {tid} already belongs to the terminal {serial}. Check the TID on the terminal’s label.',
  'terminal-merchant-unknown': 'That merchant no longer exists. Reload the list and choose the merchant again.',
  'csv-file-too-large': 'The file is {megabytes} MB; at most {limit} MB are imported at once. Split it into smaller files.',
} as const;
