import type { Component } from 'vue';
import type { InvokeChannel } from '../../../shared/ipc/channels';

/**
 * A page of the app frame. `needs` names the channels the page cannot work without: who may open
 * it is read from those channels' roles in the contract, so the menu and main never disagree.
 */
export interface PageRoute {
  /** The route name, also the page's test id prefix (`nav-<name>`, `<name>-page`). */
  name: string;
  /** The address after `#`; `:param` segments make deep links like `#/cases/123`. */
  path: string;
  /** The message key of the page's title (menu and header), in the feature's own messages. */
  title: string;
  needs: readonly InvokeChannel[];
  /** Loads the feature's page on first visit. */
  component: () => Promise<Component>;
  /**
   * Loaded when the window is first idle after sign-in, not on the first visit: a page operators go
   * to soon after signing in whose first render must be quick (prefetch-pages.ts).
   */
  prefetch?: true;
}

// Adding a page is one entry here (plus the feature folder it loads); menu order is this order.
export const pageRoutes = [
  { name: 'terminal', path: '/terminal', title: 'terminal.title', needs: ['terminal:state'], component: () => import('../features/terminal/TerminalPage.vue') },
  { name: 'today', path: '/today', title: 'today.title', needs: ['desk:today'], component: () => import('../features/desk-today/TodayPage.vue') },
  { name: 'onsite', path: '/onsite', title: 'onsite.title', needs: ['rebind:start'], component: () => import('../features/onsite/OnSitePage.vue') },
  { name: 'reference', path: '/reference', title: 'reference.title', needs: ['desk:save-bank'], component: () => import('../features/desk-reference/ReferencePage.vue') },
  { name: 'merchants', path: '/merchants', title: 'merchants.title', needs: ['desk:merchants-search'], component: () => import('../features/desk-merchants/MerchantsPage.vue') },
  { name: 'cases', path: '/cases', title: 'cases.title', needs: ['desk:cases-list'], component: () => import('../features/desk-cases/CasesListPage.vue'), prefetch: true },
  { name: 'case', path: '/cases/:id', title: 'cases.caseTitle', needs: ['desk:case-get'], component: () => import('../features/desk-cases/CasePage.vue') },
  { name: 'calendar', path: '/calendar', title: 'calendar.title', needs: ['desk:calendar'], component: () => import('../features/desk-calendar/CalendarPage.vue'), prefetch: true },
  { name: 'reports', path: '/reports', title: 'reports.title', needs: ['reports:service'], component: () => import('../features/reports/ReportsPage.vue') },
  { name: 'checklist-templates', path: '/checklist-templates', title: 'checklist.templates.title', needs: ['checklist:template-save'], component: () => import('../features/checklist/TemplatesPage.vue') },
  { name: 'import', path: '/import', title: 'deskImport.title', needs: ['desk:import-preview'], component: () => import('../features/desk-import/ImportPage.vue') },
  { name: 'operators', path: '/operators', title: 'operators.title', needs: ['operators:list'], component: () => import('../features/operators/OperatorsPage.vue') },
  { name: 'audit', path: '/audit', title: 'audit.title', needs: ['audit:list'], component: () => import('../features/audit/AuditPage.vue') },
  { name: 'settings', path: '/settings', title: 'settings.title', needs: ['settings:update'], component: () => import('../features/settings/SettingsPage.vue') },
] as const satisfies readonly PageRoute[];

export type PageName = (typeof pageRoutes)[number]['name'];
