import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './types.ts';

/**
 * Every page of the staff console: where it lives, its menu label, who sees it. A new capability adds its
 * pages here (and its code under features/<name>/); each page is loaded on demand so the first load stays small.
 */
export interface NavPage {
  path: string;
  label: string;
  roles: Role[];
  page: LazyExoticComponent<ComponentType>;
  /** Shown in the side menu (detail pages are not). */
  menu: boolean;
  /** Menu group label, for grouping related pages. */
  group?: string;
}

const STAFF: Role[] = ['agent', 'team_lead', 'office', 'department', 'admin'];

export const NAV: NavPage[] = [
  {
    path: '/',
    label: '首页',
    roles: STAFF,
    page: lazy(() => import('../features/home/home-page.tsx')),
    menu: true,
  },
  {
    path: '/workbench',
    label: '话务员工作台',
    roles: ['agent', 'team_lead'],
    page: lazy(() => import('../features/workbench/workbench-page.tsx')),
    menu: true,
  },
  {
    path: '/department',
    label: '承办单位',
    roles: ['department'],
    page: lazy(() => import('../features/department/department-page.tsx')),
    menu: true,
  },
  {
    path: '/office',
    label: '热线办',
    roles: ['office'],
    page: lazy(() => import('../features/office/office-page.tsx')),
    menu: true,
  },
  {
    path: '/orders',
    label: '工单列表',
    roles: STAFF,
    page: lazy(() => import('../features/orders/orders-page.tsx')),
    menu: true,
  },
  {
    path: '/orders/:id',
    label: '工单详情',
    roles: STAFF,
    page: lazy(() => import('../features/orders/order-detail-page.tsx')),
    menu: false,
  },
  {
    path: '/dashboard',
    label: '看板',
    roles: STAFF,
    page: lazy(() => import('../features/dashboard/dashboard-page.tsx')),
    menu: true,
  },
  {
    path: '/calls/wallboard',
    label: '话务大屏',
    roles: ['agent', 'team_lead', 'office', 'admin'],
    page: lazy(() => import('../features/calls/wallboard-page.tsx')),
    menu: true,
    group: '话务',
  },
  {
    path: '/calls/metrics',
    label: '话务统计',
    roles: ['team_lead', 'office', 'admin'],
    page: lazy(() => import('../features/calls/metrics-page.tsx')),
    menu: true,
    group: '话务',
  },
  {
    path: '/calls/callbacks',
    label: '漏接回拨',
    roles: ['agent', 'team_lead', 'office', 'admin'],
    page: lazy(() => import('../features/calls/callbacks-page.tsx')),
    menu: true,
    group: '话务',
  },
  {
    path: '/calls/incidents',
    label: '突发事件与中断',
    roles: ['team_lead', 'office', 'admin'],
    page: lazy(() => import('../features/calls/incidents-page.tsx')),
    menu: true,
    group: '话务',
  },
  {
    path: '/calls/records',
    label: '通话记录',
    roles: ['team_lead', 'office', 'admin'],
    page: lazy(() => import('../features/calls/records-page.tsx')),
    menu: true,
    group: '话务',
  },
  {
    path: '/admin/departments',
    label: '承办单位管理',
    roles: ['admin', 'office'],
    page: lazy(() => import('../features/admin/departments-page.tsx')),
    menu: true,
    group: '管理',
  },
  {
    path: '/admin/categories',
    label: '分类与时限',
    roles: ['admin', 'office'],
    page: lazy(() => import('../features/admin/categories-page.tsx')),
    menu: true,
    group: '管理',
  },
  {
    path: '/admin/users',
    label: '用户与角色',
    roles: ['admin'],
    page: lazy(() => import('../features/admin/users-page.tsx')),
    menu: true,
    group: '管理',
  },
  {
    path: '/admin/calendar',
    label: '节假日调整',
    roles: ['admin', 'office'],
    page: lazy(() => import('../features/admin/calendar-page.tsx')),
    menu: true,
    group: '管理',
  },
];

export const pagesFor = (role: Role) => NAV.filter((p) => p.roles.includes(role));
