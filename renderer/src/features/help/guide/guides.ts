// Every role's operating guide in each language, and which section a page opens.
import type { Role } from '../../../../../shared/auth/roles';
import type { Language } from '../../../../../shared/settings/settings';
import { pageRoutes } from '../../../router/routes';
import type { GuideKey, GuideSection, RoleGuide } from './guide-types';
import { adminGuideEnUS } from './en-us/admin';
import { deskGuideEnUS } from './en-us/desk';
import { engineerGuideEnUS } from './en-us/engineer';
import { adminGuideZhCN } from './zh-cn/admin';
import { deskGuideZhCN } from './zh-cn/desk';
import { engineerGuideZhCN } from './zh-cn/engineer';

export const guides: Readonly<Record<Language, Readonly<Record<Role, RoleGuide>>>> = {
  'zh-CN': { desk: deskGuideZhCN, engineer: engineerGuideZhCN, admin: adminGuideZhCN },
  'en-US': { desk: deskGuideEnUS, engineer: engineerGuideEnUS, admin: adminGuideEnUS },
};

/** A guide's sections in reading order: the overview, training mode, then its pages in menu order. */
export function guideSections(guide: RoleGuide): { key: GuideKey; section: GuideSection }[] {
  const pages = pageRoutes.flatMap((page) => (guide[page.name] ? [{ key: page.name as GuideKey, section: guide[page.name]! }] : []));
  return [{ key: 'overview', section: guide.overview }, { key: 'training', section: guide.training }, ...pages];
}

/** The section a page opens: its own when the guide has one, else the overview. */
export function sectionFor(guide: RoleGuide, routeName: unknown): GuideKey {
  return pageRoutes.some((page) => page.name === routeName && guide[page.name]) ? (routeName as GuideKey) : 'overview';
}
