// The print view's one function. A printer (Electron's hidden window, or Chromium in tests) loads
// print.html, calls render() with the frozen request, and prints when the promise resolves: by
// then the document is drawn and every font chunk and image it shows has loaded, so the PDF never
// holds a fallback font or a missing picture.
import { createApp, nextTick, type App } from 'vue';
import { z } from 'zod';
import { printRequestSchema, type PrintView, type PrintViewReady } from '../../../shared/print/print-request';
import { documentFor } from './print-documents';
import { footerCharacters, setFooter } from './print-page-rules';
import { printTexts } from './print-texts';

const FOOTER_FONT = '400 7pt "Noto Sans SC"';

/** The view drawing into `root`. */
export function createPrintView(root: HTMLElement): PrintView {
  let app: App | null = null;
  return {
    async render(input: unknown): Promise<PrintViewReady> {
      const parsed = printRequestSchema.safeParse(input);
      if (!parsed.success) throw new Error(`The print view refused the request: ${z.prettifyError(parsed.error)}`);
      const entry = documentFor(parsed.data);
      const request = await entry.prepare(parsed.data);
      app?.unmount();
      document.documentElement.lang = request.language;
      document.title = entry.title(request);
      const pageTemplate = printTexts[request.language].page;
      setFooter(entry.footer(request), pageTemplate);
      app = createApp(entry.component, { request });
      app.mount(root);
      await nextTick();
      const images = await whenDrawn(root, footerCharacters(entry.footer(request), pageTemplate));
      return { document: request.document, loadedFontFaces: [...document.fonts].filter((face) => face.status === 'loaded').length, images };
    },
  };
}

// Layout makes Chromium start loading the unicode-range chunks of the glyphs on the page; the
// footer is laid out only when printing, so its glyphs are asked for by name.
async function whenDrawn(root: HTMLElement, footerText: string): Promise<number> {
  root.getBoundingClientRect();
  await document.fonts.load(FOOTER_FONT, footerText);
  const images = [...root.querySelectorAll('img')];
  await Promise.all(
    images.map((image) =>
      image.decode().catch(() => {
        throw new Error(`The print view could not draw the image "${image.alt}".`);
      }),
    ),
  );
  await document.fonts.ready;
  return images.length;
}
