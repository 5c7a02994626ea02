export * from './model.ts';
export { registerNotificationRoutes } from './routes.ts';
export { notificationsFor } from './service.ts';
