/** Fen (1/100 yuan) as a currency amount in the UI language. */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}
