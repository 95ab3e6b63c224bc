import type { Page } from '@playwright/test';

// A zh-CN screen may show names, codes, numbers, paths and versions in Latin letters, but no English
// sentence: an untranslated message shows up as two or more ASCII words in a row ("Connect a
// terminal first"). Words are runs of letters only, so codes (A001, operator.created), hashes,
// paths (/dev/ttyUSB0), versions (0.1.0) and numbers never count as words; a run of capitals only
// is a code too.

/** One piece of visible text that reads as English. */
export interface AsciiSentence {
  /** The English run found. */
  words: string;
  /** The whole text node (or attribute) it was found in. */
  text: string;
  /** Where: the nearest data-testid of the element, or its tag name. */
  where: string;
}

const word = /^[("'“‘]?[A-Za-z]+[)"'”’.,;:!?]*$/;

/**
 * The English word runs (two or more words in a row) in `text`, ignoring the `allowed` phrases
 * (operator names and other data the test typed itself). Anything outside ASCII separates words,
 * so English glued to Chinese ("输入无效：Invalid input") is found too.
 */
export function englishRunsIn(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const phrase of allowed) rest = rest.split(phrase).join(' \u0000 ');
  const tokens = rest.replace(/[^\u0000-\u007f]/g, ' ').split(/\s+/).filter(Boolean);
  const runs: string[] = [];
  let run: string[] = [];
  // A run of capitals only is a code (a TOTP secret in groups, hex bytes, "TID MID"), not a sentence.
  const close = () => {
    if (run.length >= 2 && run.some((w) => /[a-z]/.test(w))) runs.push(run.join(' '));
    run = [];
  };
  for (const token of tokens) {
    if (word.test(token)) run.push(token);
    else close();
  }
  close();
  return runs;
}

/** Every visible text node and visible placeholder/title of the page, with where it sits. */
export async function visibleTexts(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const whereOf = (element: Element): string => {
      const tagged = element.closest('[data-testid]');
      return tagged ? (tagged.getAttribute('data-testid') ?? '') : element.tagName.toLowerCase();
    };
    const shown = (element: Element): boolean => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript') || !shown(parent)) continue;
      found.push({ text, where: whereOf(parent) });
    }
    for (const element of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!shown(element)) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const text = element.getAttribute(name)?.trim();
        if (text) found.push({ text, where: `${whereOf(element)}[${name}]` });
      }
    }
    return found;
  });
}

/** The English sentences visible on the page now. */
export async function englishOnPage(page: Page, allowed: readonly string[] = []): Promise<AsciiSentence[]> {
  const sentences: AsciiSentence[] = [];
  for (const { text, where } of await visibleTexts(page)) {
    for (const words of englishRunsIn(text, allowed)) sentences.push({ words, text, where });
  }
  return sentences;
}
