// Debian's poppler-utils (pdftotext, pdffonts, pdfimages, pdftoppm, pdfinfo) read the printed PDFs
// as a reader would; .ci/run installs them where missing.
import { execFileSync } from 'node:child_process';

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils; .ci/run does).`);
    throw error;
  }
}

/**
 * The PDF's text (one page when given) in the order it is drawn (-raw): a table cell's lines stay
 * together, where pdftotext's reading order would interleave the columns of a row.
 */
export function pdfText(file: string, page?: number): string {
  return run('pdftotext', ['-raw', ...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), '-enc', 'UTF-8', file, '-']);
}

/** The page count pdfinfo reports. */
export function pdfPages(file: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]));
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** The fonts pdffonts lists: name, type and whether embedded. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((line) => line.trim() !== '');
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, emb, sub, uni, object, generation: the flags are fixed from the right.
    const fields = line.trim().split(/\s+/);
    const embedded = fields.at(-5) === 'yes';
    return { name: fields[0]!, type: fields.slice(1, -6).join(' '), embedded };
  });
}

/** The images pdfimages lists, with their pixel size. */
export function pdfImages(file: string): { width: number; height: number; type: string }[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { type: fields[2]!, width: Number(fields[3]), height: Number(fields[4]) };
    });
}

/** Renders every page to `prefix-N.png` at `dpi`; returns the files. */
export function pdfToPngs(file: string, prefix: string, dpi = 100): string[] {
  run('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
  const pages = pdfPages(file);
  const width = String(pages).length;
  return Array.from({ length: pages }, (_, index) => `${prefix}-${String(index + 1).padStart(width, '0')}.png`);
}

/** Text with every whitespace run removed: labels wrap at different places in the two languages. */
export const squeezed = (text: string) => text.replace(/\s+/g, '');
