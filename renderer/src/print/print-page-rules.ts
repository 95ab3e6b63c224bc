// The running footer of every printed page: the document's own line on the left, the page number
// on the right, in the page margin (CSS margin boxes), so it is laid out by the same engine and
// drawn in the same bundled font as the page. The texts depend on the document and language, so
// they are set through the CSSOM (which the view's CSP, without 'unsafe-inline', allows), never
// as an inline <style>.
import { fill } from './print-format';

/** `text` as a CSS string literal. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/** The `content` value of a page-number template such as "Page {page} of {pages}". */
export function pageNumberContent(template: string): string {
  const pieces = template.split(/(\{page\}|\{pages\})/).filter((piece) => piece !== '');
  return pieces.map((piece) => (piece === '{page}' ? 'counter(page)' : piece === '{pages}' ? 'counter(pages)' : cssString(piece))).join(' ');
}

/** The @page rule that writes the footer. */
export function footerRule(left: string, pageTemplate: string): string {
  return `@page { @bottom-left { content: ${cssString(left)}; } @bottom-right { content: ${pageNumberContent(pageTemplate)}; } }`;
}

/** The characters the footer can show, so the view can load their font chunks before printing. */
export function footerCharacters(left: string, pageTemplate: string): string {
  return `${left}${fill(pageTemplate, { page: '0123456789', pages: '' })}`;
}

let sheet: CSSStyleSheet | null = null;

/** Sets the footer for the document about to be printed (replacing the previous one). */
export function setFooter(left: string, pageTemplate: string): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(footerRule(left, pageTemplate));
}
