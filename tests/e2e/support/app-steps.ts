import type { Locator, Page } from '@playwright/test';
import { expect } from './harness';

// Steps several specs take the same way through the UI: connecting the demo terminal, changing
// the language in Settings and coming back, drawing a signature.

/** Connects the Terminal page (already shown) to the built-in demo terminal. */
export async function connectDemoTerminal(page: Page): Promise<void> {
  await page.getByTestId('port-demo:terminal').click();
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-status')).toHaveText('已连接');
}

/** Opens the Terminal page at its address (a fresh load, as after sign-in) and connects the demo terminal. */
export async function openTerminalPageOnDemo(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}#/terminal`);
  await page.reload();
  await page.getByTestId('terminal-page').waitFor();
  await connectDemoTerminal(page);
}

/** Chooses the language in Settings, as an operator would, and returns to the page `back` (its nav test id). */
export async function switchLanguage(page: Page, language: 'zh-CN' | 'en-US', back: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByTestId(`nav-${back}`).click();
  await page.getByTestId(`${back}-page`).waitFor();
}

/** Draws a signature-like scrawl of `strokes` strokes with the mouse, inside the pad's canvas. */
export async function drawSignature(page: Page, canvas: Locator, strokes: number): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad has no box');
  for (let s = 0; s < strokes; s += 1) {
    const left = box.x + box.width * (0.15 + 0.25 * s);
    await page.mouse.move(left, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 12; i += 1) await page.mouse.move(left + i * 8, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)), { steps: 2 });
    await page.mouse.up();
  }
}
