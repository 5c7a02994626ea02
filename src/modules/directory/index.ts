export * from './categories-service.ts';
export * from './departments-service.ts';
export * from './model.ts';
export * from './people.ts';
export { registerDirectoryRoutes } from './routes.ts';
export { USER_SEAL_SPEC } from './second-factor.ts';
export { authenticate, login, logout } from './sessions.ts';
export * from './users-service.ts';
