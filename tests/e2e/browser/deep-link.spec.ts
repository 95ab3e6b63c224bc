import type { Page } from '@playwright/test';
import { addOperatorThroughBridge, signInThroughUi } from '../support/auth-steps';
import { expect, harnessAdmin, test } from '../support/harness';

// Addresses opened directly (a link, a bookmark, a reload): the app keeps the address through the
// sign-in screen and lands on it afterwards, or says in the user's language that the role may not.
const desk = { username: 'zhao.desk', displayName: 'Zhao Desk', password: 'front desk phone 9' };

/** A fresh app with the harness admin and a desk operator (password of their own), signed out. */
async function openWithOperators(openFresh: (hash?: string) => Promise<Page>): Promise<Page> {
  const page = await openFresh();
  await page.getByTestId('first-admin-screen').waitFor();
  const first = await page.evaluate((admin) => window.rebind.invoke('auth:create-first-admin', admin), harnessAdmin);
  expect(first.ok, JSON.stringify(first)).toBe(true);
  const added = await addOperatorThroughBridge(page, desk, 'desk');
  expect(added.ok, JSON.stringify(added)).toBe(true);
  await page.evaluate(() => window.rebind.invoke('auth:sign-out', {}));
  return page;
}

/** Loads the app afresh on an address, as pasting it into the address bar would. */
async function openAddress(page: Page, appUrl: string, hash: string): Promise<void> {
  await page.goto(`${appUrl}${hash}`);
  await page.reload();
}

const hashOf = (page: Page) => page.evaluate(() => window.location.hash);

test('an admin who opens #/audit before signing in lands on the Audit page after it; every page has its own address', async ({ openFresh, appUrl }, testInfo) => {
  // Eight page loads and a sign-in: more than the default budget on a shared machine.
  test.setTimeout(120_000);
  const page = await openWithOperators(openFresh);

  await openAddress(page, appUrl, '#/audit');
  await page.getByTestId('sign-in-screen').waitFor();
  expect(await hashOf(page)).toBe('#/audit');
  await signInThroughUi(page, harnessAdmin.username, harnessAdmin.password);
  await page.getByTestId('audit-page').waitFor();
  await expect(page.getByTestId('page-title')).toHaveText('审计日志');
  expect(await hashOf(page)).toBe('#/audit');
  await page.screenshot({ path: testInfo.outputPath('1-admin-deep-link-audit.png'), fullPage: true });

  // Each page loaded directly by its address while signed in, and the menu marks it.
  for (const name of ['settings', 'onsite', 'terminal', 'operators', 'audit']) {
    await openAddress(page, appUrl, `#/${name}`);
    await page.getByTestId(`${name}-page`).waitFor();
    await expect(page.locator('.n-menu-item-content--selected').getByTestId(`nav-${name}`)).toBeVisible();
  }

  // The start address and one that names no page open the first page of the menu.
  await openAddress(page, appUrl, '#/');
  await page.getByTestId('terminal-page').waitFor();
  expect(await hashOf(page)).toBe('#/terminal');
  await openAddress(page, appUrl, '#/no-such-page/123');
  await page.getByTestId('terminal-page').waitFor();
  expect(await hashOf(page)).toBe('#/terminal');
  // A case address with an id that is no case opens the case page, which says it cannot open it.
  await openAddress(page, appUrl, '#/cases/123');
  await expect(page.getByTestId('case-not-loaded')).toContainText('无法打开这个工单');
});

test('a desk operator who opens #/audit is told, in zh-CN and en-US, that the role may not, and is offered the start page', async ({ openFresh, appUrl }, testInfo) => {
  test.setTimeout(120_000);
  const page = await openWithOperators(openFresh);

  await openAddress(page, appUrl, '#/audit');
  await signInThroughUi(page, desk.username, desk.password);
  const refused = page.getByTestId('page-refused');
  await expect(refused).toContainText('无权访问此页面');
  await expect(refused).toContainText('您的角色（服务台）不能使用此页面');
  await expect(page.getByTestId('audit-page')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  // The address stays what was asked for, so the refusal names the page that was refused.
  expect(await hashOf(page)).toBe('#/audit');
  await expect(page.getByTestId('page-title')).toHaveText('审计日志');
  await page.screenshot({ path: testInfo.outputPath('2-desk-refused-zh-CN.png'), fullPage: true });

  await page.getByTestId('page-refused-home').click();
  await page.getByTestId('merchants-page').waitFor();
  expect(await hashOf(page)).toBe('#/merchants');
  await expect(page.getByTestId('page-refused')).toHaveCount(0);

  // The same refusal in English, for each page the desk may not open.
  const switched = await page.evaluate(() => window.rebind.invoke('settings:update', { language: 'en-US' }));
  expect(switched.ok, JSON.stringify(switched)).toBe(true);
  for (const name of ['audit', 'operators', 'terminal', 'onsite']) {
    await openAddress(page, appUrl, `#/${name}`);
    await expect(refused).toContainText('You may not open this page');
    await expect(refused).toContainText('Your role (Desk) cannot use this page');
    await expect(page.getByTestId(`${name}-page`)).toHaveCount(0);
  }
  await expect(page.getByTestId('page-refused-home')).toHaveText('Go to the start page');
  await page.screenshot({ path: testInfo.outputPath('3-desk-refused-en-US.png'), fullPage: true });
});
