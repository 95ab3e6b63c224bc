import { expect, test } from '../support/harness';
import { call, ensureSamples, seedEngineers } from '../support/desk-booking-seed';

// The week draws the engineers near the screen (row-window.ts): rows in view and some below (24 at
// first, more while rows without appointments leave room), the rest once the desk scrolls to the
// last one drawn, or all at once from the line under the grid.
const now = new Date('2026-12-07T00:00:00.000Z');
test.use({ timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 1000 } });

test('the week draws the first of 60 engineers, the rest when scrolled to or asked for, said in Chinese and English', async ({ page, openApp, clock }, testInfo) => {
  test.setTimeout(180_000);
  clock.advance(now.getTime() - Date.now());
  await page.clock.setFixedTime(now);
  await openApp('settings');
  await ensureSamples(page);
  await seedEngineers(page, Array.from({ length: 60 }, (_, i) => `工程师${String(i + 1).padStart(2, '0')}`));

  await page.getByTestId('nav-calendar').click();
  const rows = page.locator('.ec-body .ec-row-head');
  const line = page.getByTestId('calendar-rows-drawn');
  await expect(line).toHaveText(/^已显示前 \d+ 名工程师（共 60 名）：向下滚动显示更多\s*全部显示（60 名）$/);
  const drawn = Number(/前 (\d+) 名/.exec((await line.textContent()) ?? '')?.[1]);
  expect(drawn).toBeGreaterThanOrEqual(24);
  expect(drawn).toBeLessThan(60);
  await expect(rows).toHaveCount(drawn);
  await expect(page.getByTestId('calendar-engineer-count')).toHaveText('显示 60/60 名工程师');
  await page.screenshot({ path: testInfo.outputPath('calendar-rows-zh-CN.png'), fullPage: true });

  // Scrolled to the last row drawn: the rest are drawn, and the line goes.
  await expect(async () => {
    await page.locator('.ec-main').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await expect(rows).toHaveCount(60, { timeout: 500 });
  }).toPass();
  await expect(rows.last()).toHaveText('工程师60');
  await expect(line).toHaveCount(0);

  // Opened afresh, in English: the first rows again, and the button draws all.
  await call(page, 'preferences:update', { language: 'en-US' });
  await page.reload();
  await expect(line).toHaveText(new RegExp(`^First ${drawn} of 60 engineers drawn: scroll down for more\\s*Draw all 60$`));
  await expect(rows).toHaveCount(drawn);
  await page.screenshot({ path: testInfo.outputPath('calendar-rows-en-US.png'), fullPage: true });
  await page.getByTestId('calendar-rows-all').click();
  await expect(rows).toHaveCount(60);
  await expect(line).toHaveCount(0);
});
