export { applyOrderAction } from './actions.ts';
export * from './deadlines.ts';
export { DEFAULT_ORDER_SETTINGS, type OrderSettings } from './handlers/types.ts';
export { createOrder, submitPublicOrder } from './intake-service.ts';
export * from './model.ts';
export { getOrderDetail, listOrders, trackPublicOrder } from './query-service.ts';
export { registerOrderRoutes } from './routes.ts';
export * from './state-machine.ts';
export { runDeadlineSweep } from './sweep.ts';
