// Province-level codes of GB/T 2260 (the administrative divisions of China): the first two digits
// of every division code, of a resident ID number's address and of an area.

/** The 34 province-level divisions: 31 on the mainland, Taiwan (71), Hong Kong (81) and Macao (82). */
export const provinceCodes: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);
