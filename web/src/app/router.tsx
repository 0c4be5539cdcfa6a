import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Spin } from 'antd';
import { RouteError } from './route-error';

/**
 * Every page is loaded on first visit (its own chunk); the shell is in the main bundle.
 * `page(() => import(...))` expects the module's default export to be the page component.
 */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

const appRoutes: RouteObject[] = [
  { path: '/login', ...page(() => import('../features/auth/login-page')) },
  // The public demand page and tracking page: outside the login shell, for anyone with a phone.
  { path: '/d/:code', ...page(() => import('../features/demands/public-demand-page')) },
  { path: '/track/:code?', ...page(() => import('../features/demands/track-page')) },
  {
    path: '/',
    // The shell (menu, header, committee switcher) is its own chunk too: the login page needs none of it.
    lazy: async () => ({ Component: (await import('./shell')).Shell }),
    children: [
      { index: true, ...page(() => import('../features/home/home-page')) },
      { path: 'members', ...page(() => import('../features/members/member-list-page')) },
      { path: 'members/new', ...page(() => import('../features/members/member-create-page')) },
      { path: 'members/import', ...page(() => import('../features/members/member-import-page')) },
      { path: 'members/:id', ...page(() => import('../features/members/member-detail-page')) },
      { path: 'members/:id/edit', ...page(() => import('../features/members/member-edit-page')) },
      { path: 'proposals', ...page(() => import('../features/proposals/proposal-list-page')) },
      { path: 'proposals/new', ...page(() => import('../features/proposals/proposal-form-page')) },
      { path: 'proposals/dashboard', ...page(() => import('../features/proposals/dashboard-page')) },
      { path: 'proposals/supervision', ...page(() => import('../features/proposals/supervision-list-page')) },
      { path: 'proposals/assign', ...page(() => import('../features/proposals/batch-assign-page')) },
      { path: 'proposals/clusters', ...page(() => import('../features/proposals/clusters-page')) },
      { path: 'proposals/:id', ...page(() => import('../features/proposals/proposal-detail-page')) },
      { path: 'proposals/:id/edit', ...page(() => import('../features/proposals/proposal-form-page')) },
      { path: 'performance', ...page(() => import('../features/performance/my-performance-page')) },
      { path: 'performance/report', ...page(() => import('../features/performance/self-report-page')) },
      { path: 'performance/activities', ...page(() => import('../features/performance/activity-list-page')) },
      { path: 'performance/activities/:id', ...page(() => import('../features/performance/activity-detail-page')) },
      { path: 'performance/verification', ...page(() => import('../features/performance/verification-page')) },
      { path: 'performance/standings', ...page(() => import('../features/performance/standings-page')) },
      { path: 'performance/assessment', ...page(() => import('../features/performance/assessment-page')) },
      { path: 'performance/assessment/:id/results', ...page(() => import('../features/performance/assessment-results-page')) },
      { path: 'performance/report-card', ...page(() => import('../features/performance/report-card-page')) },
      { path: 'performance/report-card/:memberId', ...page(() => import('../features/performance/report-card-page')) },
      { path: 'performance/annual-report', ...page(() => import('../features/performance/annual-report-page')) },
      { path: 'performance/annual-reports', ...page(() => import('../features/performance/annual-reports-page')) },
      { path: 'social-info', ...page(() => import('../features/social-info/item-list-page')) },
      { path: 'social-info/new', ...page(() => import('../features/social-info/item-form-page')) },
      { path: 'social-info/items/:id', ...page(() => import('../features/social-info/item-detail-page')) },
      { path: 'social-info/issues', ...page(() => import('../features/social-info/issue-list-page')) },
      { path: 'social-info/issues/:id', ...page(() => import('../features/social-info/issue-detail-page')) },
      { path: 'social-info/office', ...page(() => import('../features/social-info/office-page')) },
      { path: 'social-info/figures', ...page(() => import('../features/social-info/figures-page')) },
      { path: 'consultation/*', ...page(() => import('../features/consultation/consultation-page')) },
      { path: 'network', ...page(() => import('../features/network/network-page')) },
      { path: 'demands', ...page(() => import('../features/demands/demand-list-page')) },
      { path: 'demands/:id', ...page(() => import('../features/demands/demand-detail-page')) },
      { path: 'units', ...page(() => import('../features/units/unit-list-page')) },
      { path: 'users', ...page(() => import('../features/users/user-list-page')) },
      { path: 'account', ...page(() => import('../features/account/account-page')) },
      { path: 'search', ...page(() => import('../features/search/search-page')) },
      { path: 'notifications', ...page(() => import('../features/notifications/notifications-page')) },
      { path: '*', ...page(() => import('../ui/not-found-page')) },
    ],
  },
];

// A pathless root: one error page for all, and a spinner while the first page's chunk loads.
const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />,
    children: appRoutes,
  },
];

export const router = createBrowserRouter(routes);
