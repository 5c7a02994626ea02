export * from './categories-service.ts';
export * from './departments-service.ts';
export * from './model.ts';
export { registerDirectoryRoutes } from './routes.ts';
export { authenticate, login, logout } from './sessions.ts';
export * from './users-service.ts';
