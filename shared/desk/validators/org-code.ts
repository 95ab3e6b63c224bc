// The organisation code of GB 11714-1997: 8 body characters (digits, capital letters) and a check
// character. Inside a unified social credit code it is characters 9 to 17 (GB 32100-2015 §4).

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

// Digits count as themselves and A-Z as 10-35 (GB 11714 appendix A).
function characterValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 0x39 ? code - 0x30 : code - 0x41 + 10;
}

/** The check character of an 8-character organisation code body: `0`-`9` or `X`. */
export function orgCodeCheckCharacter(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError('An organisation code body is 8 digits or capital letters.');
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * characterValue(body[index]!), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** True when the 9-character organisation code carries its own check character. */
export function orgCodeCheckHolds(code: string): boolean {
  return /^[0-9A-Z]{8}[0-9X]$/.test(code) && orgCodeCheckCharacter(code.slice(0, 8)) === code[8];
}
