import type { ChannelRoles } from '../../../shared/auth/roles';
import { invokeContract } from '../../../shared/ipc/contract';
import { pageRoutes, type PageName, type PageRoute } from './routes';

/** Answers whether the signed-in operator passes main's check for a channel's roles (the auth store's `may`). */
export type MayCall = (roles: ChannelRoles) => boolean;

/** The roles declarations a page's channels carry in the contract. */
export function pageRoles(page: Pick<PageRoute, 'needs'>): ChannelRoles[] {
  return page.needs.map((channel) => invokeContract[channel].roles);
}

/** True when the operator may call every channel the page needs. */
export function mayOpen(page: Pick<PageRoute, 'needs'>, may: MayCall): boolean {
  return pageRoles(page).every(may);
}

/** The pages the operator may open, in menu order. */
export function openablePages(may: MayCall): (typeof pageRoutes)[number][] {
  return pageRoutes.filter((page) => mayOpen(page, may));
}

/** Where the app starts for this operator: the first page they may open. */
export function homePage(may: MayCall): PageName | null {
  return openablePages(may)[0]?.name ?? null;
}

/** The page declaration of a route name; undefined for the start route. */
export function pageNamed(name: unknown): PageRoute | undefined {
  return pageRoutes.find((page) => page.name === name);
}
