// A cell as the import checks it. The apostrophe our export puts in front of a formula character
// comes off again, so an exported file imports to the same values. A line break inside a cell is
// how a spreadsheet wraps text (Alt+Enter); no desk field holds one (the forms refuse control
// characters), so it becomes one space.

// The characters csv-stringify's escape_formulas prefixes with an apostrophe (csv-export.ts):
// OWASP's formula starters and their full-width forms, which Apple Numbers also runs.
const defusedFormula = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell without the apostrophe an export added. */
export function undefuseCell(value: string): string {
  return value.charCodeAt(0) === 0x27 && defusedFormula.test(value) ? value.slice(1) : value;
}

/** Whether a cell holds nothing but spaces (full-width ones too). */
export function isEmptyCell(value: string): boolean {
  // trim() takes U+3000, the full-width space, too.
  return value === '' || value.trim() === '';
}

/** The cell as the field validators see it: the export's apostrophe off, line breaks as single spaces. */
export function importedCell(value: string): string {
  const plain = undefuseCell(value);
  return plain.includes('\n') || plain.includes('\r') ? plain.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : plain;
}
