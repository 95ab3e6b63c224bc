import { createRouter, createWebHashHistory, type Router, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { pageRoutes } from './routes';

/** The route of `#/` and of any address that names no page: the frame sends it on to the operator's home page. */
export const startRouteName = 'start';

const emptyView = { render: () => null };

/**
 * The app's router. Hash history, because the window loads index.html from file:// in Electron.
 * Role checks are not guards here: a refused address stays in the bar and the frame says why, so a
 * deep link typed before sign-in is still there after it. Unit tests pass a memory history.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  const routes: RouteRecordRaw[] = [
    ...pageRoutes.map((page) => ({ name: page.name, path: page.path, component: page.component })),
    { name: startRouteName, path: '/:anywhere(.*)*', component: emptyView },
  ];
  return createRouter({ history, routes });
}
