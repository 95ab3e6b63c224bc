// Where a wall time and an engineer sit on the calendar's day view, and a drag between two points
// as a hand on a mouse makes it: the calendar and desk-story specs point at the grid the same way.
import type { Page } from '@playwright/test';

/** The page's y of a wall time in the day view's time grid, from the hour labels in its side bar. */
export async function yOf(page: Page, day: string, hour: number, minute = 0): Promise<number> {
  const label = async (h: number) => {
    const box = await page.locator(`.ec-sidebar time[datetime="${day}T${String(h).padStart(2, '0')}:00:00"]`).boundingBox();
    if (!box) throw new Error(`no ${h}:00 label in the day view`);
    return box.y + box.height / 2;
  };
  const [at, next] = [await label(hour), await label(hour + 1)];
  return at + ((next - at) * minute) / 60;
}

/** The page's x of an engineer's column in the day view. */
export async function xOf(page: Page, engineer: string): Promise<number> {
  const box = await page.locator('.ec-col-head', { hasText: engineer }).boundingBox();
  if (!box) throw new Error(`no column for ${engineer}`);
  return box.x + box.width / 2;
}

/** Presses, moves in steps and lets go (the calendar starts a drag only after a few pixels). */
export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}
