export * from './china-calendar.ts';
export * from './local-time.ts';
export { registerCalendarRoutes } from './routes.ts';
export * from './service.ts';
export * from './working-days.ts';
