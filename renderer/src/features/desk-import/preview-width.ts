// How wide a preview column is drawn: wide enough for its longest cell, so a merchant's name or an
// 18-digit code is read whole instead of cut to "福州示例便利…", within bounds that keep a dozen
// columns on a screen. Chinese characters take about twice the width of digits and Latin letters.

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const padding = 24;

/** Pixels for a column holding `texts` (header and cells), between `min` and `max`. */
export function previewColumnWidth(texts: readonly string[], { min = 80, max = 320 } = {}): number {
  const longest = Math.max(0, ...texts.map((text) => Array.from(text).reduce((sum, char) => sum + (wide.test(char) ? 14 : 9), 0)));
  return Math.min(max, Math.max(min, longest + padding));
}
