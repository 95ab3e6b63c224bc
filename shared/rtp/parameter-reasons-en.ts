// What is wrong with a parameter value or set, in English, by code: the checks of PROTOCOL.md §4
// (parameter-table.ts), a whole set's (parameter-set.ts) and a parameter file's
// (shared/rebind/parameter-file.ts). A problem names its field by tag and by meaning
// (`parameter-name-A001`, "TID"), so the On-site form says both in the user's language
// (renderer/src/i18n/messages/reasons-zh-cn-parameters.ts); the CLI and the simulator say these words.
export const parameterReasonsEnglish = {
  'parameter-problem': '{tag} {name} {problem}',
  'parameter-name-A001': 'TID',
  'parameter-name-A002': 'MID',
  'parameter-name-A003': 'merchant name',
  'parameter-name-A008': 'TPDU',
  'parameter-name-A009': 'STAN',
  'parameter-name-A00A': 'batch number',
  'parameter-name-A00B': 'communication mode',
  'parameter-name-A010': 'acquirer institution id',
  'parameter-name-A011': 'primary host',
  'parameter-name-A012': 'backup host',
  'parameter-name-A013': 'NII',
  'parameter-name-A014': 'MCC',
  'parameter-name-A015': 'receipt header',
  'parameter-name-A016': 'TLS',
  'parameter-name-E0E0': 'master key index',
  'parameter-name-E0E1': 'master key check value',

  'value-digits': 'must be {count} digits',
  'value-letters-or-digits': 'must be {count} letters or digits',
  'value-hex-digits': 'must be {count} hex digits',
  'value-text-bytes': 'must be text of at most {max} bytes in UTF-8',
  'value-host-port': 'must be host:port with a non-empty host without spaces and a port from 1 to 65535',
  'value-communication-mode': 'must be 1 (dial), 2 (cellular), 3 (ethernet) or 4 (wifi)',
  'value-digits-between': 'must be {min} to {max} digits',
  'value-zero-or-one': 'must be "0" or "1"',
  'value-missing': 'is missing',
  'value-volatile': 'is volatile: the terminal keeps it and a stage may not set it',
  'value-volatile-leave-out': 'is volatile: the terminal keeps it and a stage may not set it; leave it out',
  'value-not-utf8': 'is not valid UTF-8',
  'value-not-json-string': 'must be a JSON string (write "{value}" in quotes)',

  'parameter-key-not-a-tag': '"{key}" is not a tag: write 4 upper-case hex digits such as A001',
  'parameter-tag-unknown': '{tag} is not a parameter of RTP/1',
  'parameter-tag-unknown-file': '{tag} is not a parameter of RTP/1 (PROTOCOL.md §4)',
  'parameter-file-not-object': 'The parameter file must hold one JSON object mapping tags such as "A001" to text values.',
  'parameter-key-value-problem': '{key} {problem}',
  'parameter-field-problem': '{path} ({problem})',
  'parameter-problems-2': '{a}; {b}',
} as const;
