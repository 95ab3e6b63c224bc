// What is wrong with a merchant or terminal CSV file, in English, by code: the CLI prints these
// beside the row and column, and the renderer says them in the user's language
// (renderer/src/i18n/messages/reasons-zh-cn-csv.ts). Each says what to fix in the spreadsheet.
export const csvReasonsEnglish = {
  'csv-utf16-unsupported': 'The file is saved as {encoding} ("Unicode text"), which is not a CSV file. Save it again as "CSV UTF-8 (comma delimited)" and import that.',
  'csv-not-decodable': 'The file is neither UTF-8 nor GB18030/GBK: line {line} holds bytes that are not text in either. Save it again as "CSV UTF-8 (comma delimited)" and import that.',
  'csv-not-in-encoding': 'The file is not valid {encoding}: line {line} holds bytes that are not text in it. Choose another encoding.',
  'csv-empty-file': 'The file is empty. It needs a header row and one row per record.',
  'csv-no-data-rows': 'The file has a header row but no data rows below it.',
  'csv-quote-not-closed': 'The quoted cell that starts on row {row} (line {line}) is never closed. Check the quotation marks in that row.',
  'csv-quote-misplaced': 'Row {row} (line {line}) has a quotation mark in the middle of a cell. Put the whole cell in quotation marks and double the quotation mark inside it.',
  'csv-unreadable': 'The file could not be read as CSV at row {row} (line {line}). Save it again from the spreadsheet as CSV.',
  'csv-not-comma-separated': 'The header row is one cell with {separator} in it: the file is not separated by commas. Save it as "CSV (comma delimited)".',

  'csv-header-unknown': 'Column "{header}" is not a column of this file. Rename it to one of: {expected}; or delete the column.',
  'csv-header-duplicate': 'Column "{header}" is the same column as "{first}" (column {firstIndex}). Keep one of them.',
  'csv-header-missing': 'The required column {english} ({chinese}) is missing. Add it to the header row.',
  'csv-header-empty': 'Column {index} has no name in the header row but holds values. Name it or delete the column.',

  'csv-row-too-many-cells': 'This row has {found} cells but the header has {expected}. Remove the extra cells or put the cell with a comma in quotation marks.',
  'csv-value-required': 'This cell is empty; it is required.',
  'csv-value-too-long': 'This value is {length} characters long; at most {max} fit.',
  'csv-value-wrong-length': 'This value has {length} characters; it must have exactly {expected}.',
  'csv-value-not-in-list': '"{value}" is not one of: {allowed}.',
  'csv-value-masked': 'This value is masked (an export without sensitive values). Put in the full number.',

  'csv-duplicate-in-file': '{value} is also on row {firstRow}; each may appear once.',
  'csv-merchant-exists': 'A merchant with the credit code {value} already exists.',
  'csv-terminal-exists': 'A terminal with this value ({value}) already exists.',
  'csv-merchant-unknown': 'No merchant has the credit code {value}, in the database or in this import. Import the merchant first.',
  'csv-model-unknown': 'There is no terminal model "{value}" in the reference data. Use a model from the terminal models list.',
  'csv-bank-unknown': 'There is no acquiring bank with the code "{value}" in the reference data. Use a code from the banks list.',

  'csv-export-not-encodable': 'The character "{character}" cannot be written in {encoding}. Export as UTF-8 instead.',
} as const;

/** A reason code of the CSV import and export. */
export type CsvReasonCode = keyof typeof csvReasonsEnglish;
