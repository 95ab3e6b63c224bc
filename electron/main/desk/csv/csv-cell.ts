// One cell's value as the checks see it: the apostrophe our export puts in front of a formula
// character is taken off again, then the value is tidied the column's way (codes upper-cased,
// spaces dropped from numbers, the rest trimmed).
import type { CsvNormalise } from '../../../../shared/desk/csv/csv-columns';

// The characters csv-stringify's escape_formulas prefixes with an apostrophe (csv-export.ts):
// OWASP's formula starters and their full-width forms, which Apple Numbers also runs.
const defusedFormula = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell without the apostrophe an export added, so an exported file imports to the same values. */
export function undefuseCell(value: string): string {
  return defusedFormula.test(value) ? value.slice(1) : value;
}

/** The cell tidied for checking and storing. */
export function normaliseCell(value: string, how: CsvNormalise): string {
  const plain = undefuseCell(value);
  if (how === 'upper') return plain.trim().toUpperCase();
  if (how === 'no-spaces') return plain.replace(/\s+/g, '');
  return plain.trim();
}
