export * from '../platform/schema.ts';
export * from '../calendar/schema.ts';
export * from '../modules/directory/schema.ts';
export * from '../modules/orders/schema.ts';
export * from '../modules/calls/schema.ts';
export * from '../modules/knowledge/schema.ts';
export * from '../modules/training/schema.ts';
export * from '../modules/quality/schema.ts';
