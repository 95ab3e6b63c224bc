import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { checkChannelAccess, roles, type ChannelRoles, type Role } from '../../../shared/auth/roles';
import { invokeContract } from '../../../shared/ipc/contract';
import { messages } from '../i18n';
import { createAppRouter, startRouteName } from './app-router';
import { homePage, mayOpen, openablePages, pageNamed, pageRoles } from './page-access';
import { pageRoutes } from './routes';

// The same check main applies, for a complete session of `role` (what auth-store's `may` does).
const mayAs = (role: Role) => (required: ChannelRoles) => checkChannelAccess(required, { role, pending: { passwordChange: false, twoFactorEnrolment: false } }).allowed;

describe('page access', () => {
  it('reads each page\'s roles from the contract entries of the channels it needs', () => {
    for (const page of pageRoutes) expect(pageRoles(page), page.name).toEqual(page.needs.map((channel) => invokeContract[channel].roles));
  });

  it('gives each role the pages main lets it work on, in menu order, and starts it on the first', () => {
    const names = (role: Role) => openablePages(mayAs(role)).map((page) => page.name);
    expect(names('admin')).toEqual(['terminal', 'today', 'onsite', 'reference', 'merchants', 'cases', 'case', 'calendar', 'reports', 'checklist-templates', 'import', 'operators', 'audit', 'settings']);
    expect(names('engineer')).toEqual(['terminal', 'today', 'onsite', 'merchants', 'cases', 'case', 'calendar', 'settings']);
    expect(names('desk')).toEqual(['merchants', 'cases', 'case', 'calendar', 'settings']);
    // A desk lead is a desk operator with the Reports page besides; the flag on another role opens nothing.
    const asLead = (role: Role) => (required: ChannelRoles) => checkChannelAccess(required, { role, pending: { passwordChange: false, twoFactorEnrolment: false }, deskLead: true }).allowed;
    expect(openablePages(asLead('desk')).map((page) => page.name)).toEqual(['merchants', 'cases', 'case', 'calendar', 'reports', 'settings']);
    expect(openablePages(asLead('engineer')).map((page) => page.name)).toEqual(names('engineer'));
    expect(homePage(mayAs('desk'))).toBe('merchants');
    expect(homePage(mayAs('engineer'))).toBe('terminal');
  });

  it('refuses a page when any channel it needs is refused, and every page to nobody signed in', () => {
    const page = { needs: ['settings:update', 'audit:list'] as const };
    expect(mayOpen(page, mayAs('desk'))).toBe(false);
    expect(mayOpen(page, mayAs('admin'))).toBe(true);
    const nobody = (required: ChannelRoles) => checkChannelAccess(required, null).allowed;
    expect(openablePages(nobody)).toEqual([]);
    expect(homePage(nobody)).toBeNull();
    for (const role of roles) expect(openablePages(mayAs(role)).length, role).toBeGreaterThan(0);
  });

  it('has a title for every page in both languages', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      for (const page of pageRoutes) {
        const title = page.title.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[language]);
        expect(typeof title === 'string' && title.length > 0, `${language} ${page.title}`).toBe(true);
      }
    }
  });
});

describe('app router', () => {
  it('resolves each page address to its page, and any other address to the start route', () => {
    const router = createAppRouter(createMemoryHistory());
    for (const page of pageRoutes) expect(router.resolve(page.path).name).toBe(page.name);
    expect(router.resolve('/cases/0190a8d0-0000-7000-8000-000000000001')).toMatchObject({ name: 'case', params: { id: '0190a8d0-0000-7000-8000-000000000001' } });
    for (const other of ['/', '/cases/123/more', '/audit-log', '/settings/extra/deep']) expect(router.resolve(other).name, other).toBe(startRouteName);
    expect(pageNamed(startRouteName)).toBeUndefined();
    expect(pageNamed('audit')?.path).toBe('/audit');
  });
});
