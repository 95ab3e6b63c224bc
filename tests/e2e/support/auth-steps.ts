import type { Page } from '@playwright/test';
import type { Role } from '../../../shared/auth/roles';
import type { IpcResult } from '../../../shared/ipc/result';

/** Credentials a test types in. */
export interface Credentials {
  username: string;
  displayName: string;
  password: string;
}

/** Types into a Naive UI input by its test id. */
export async function fillInput(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).locator('input').fill(value);
}

/** Fills the first-start form and submits it; the window is then signed in as that admin. */
export async function createFirstAdminThroughUi(page: Page, admin: Credentials): Promise<void> {
  await page.getByTestId('first-admin-screen').waitFor();
  await fillInput(page, 'first-admin-username', admin.username);
  await fillInput(page, 'first-admin-display-name', admin.displayName);
  await fillInput(page, 'new-password', admin.password);
  await fillInput(page, 'confirm-password', admin.password);
  await page.getByTestId('first-admin-submit').click();
  await page.getByTestId('header-user').waitFor();
}

/** Signs in with a password on the sign-in screen (the code step, if any, is the caller's). */
export async function signInThroughUi(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-screen').waitFor();
  await fillInput(page, 'sign-in-username', username);
  await fillInput(page, 'sign-in-password', password);
  await page.getByTestId('sign-in-submit').click();
}

/**
 * Through the bridge, in a window signed in as an admin: adds an operator, signs in as them and
 * replaces the temporary password with `who.password`. The window is then signed in as them.
 */
export async function addOperatorThroughBridge(page: Page, who: Credentials, role: Role): Promise<IpcResult<unknown>> {
  return page.evaluate(
    async ({ who, role }) => {
      const created = await window.rebind.invoke('operators:create', { username: who.username, displayName: who.displayName, role });
      if (!created.ok) return created;
      const temporary = (created.value as { temporaryPassword: string }).temporaryPassword;
      await window.rebind.invoke('auth:sign-out', {});
      const signedIn = await window.rebind.invoke('auth:sign-in', { username: who.username, password: temporary });
      if (!signedIn.ok) return signedIn;
      return window.rebind.invoke('auth:change-password', { currentPassword: temporary, newPassword: who.password });
    },
    { who, role },
  );
}
