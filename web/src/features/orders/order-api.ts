/**
 * Order reads and actions through the generated client (`npm run gen:api`): a change to an action's input or to
 * the order's answer on the server breaks `tsc -p web` here instead of a form at run time.
 */
import { type Answer, client, type paths, unwrap } from '../../api/client.ts';

/** The order as GET /api/orders/{id} answers it (detail, history, dispatches, callbacks…). */
export type OrderView = Answer<'/api/orders/{id}', 'get'>;

type ActionPath = Exclude<
  Extract<keyof paths, `/api/orders/{id}/actions/${string}`>,
  '/api/orders/{id}/actions/{action}'
>;
/** An action's name as its route spells it (sign, reply, callback, supervise, return, request-extension…). */
export type OrderActionName = ActionPath extends `/api/orders/{id}/actions/${infer A}` ? A : never;

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The body an action's route takes, from the OpenAPI document. */
export type ActionBody<A extends OrderActionName> = JsonBody<
  paths[`/api/orders/{id}/actions/${A}`]['post']['requestBody']
>;

/** An action's answer: the order after it, and warnings the actor should see (e.g. a late reply). */
export type OrderActionAnswer = Answer<'/api/orders/{id}/actions/sign', 'post'>;

/** The order as the detail page keeps it: read, or as the last action on it answered (with its warnings). */
export type OrderShown = OrderView & { warnings?: string[] };

export function fetchOrder(id: number): Promise<OrderShown> {
  return unwrap(client.GET('/api/orders/{id}', { params: { path: { id } } }));
}

/**
 * Runs one action on an order and answers the order after it. The route is chosen at run time from the action
 * name, so the call itself cannot be narrowed to one path: the body's type is checked by `ActionBody<A>` at the
 * caller, and every action answers the same order view with its warnings.
 */
export function postOrderAction<A extends OrderActionName>(
  id: number,
  action: A,
  body: ActionBody<A>,
): Promise<OrderActionAnswer> {
  const path = `/api/orders/{id}/actions/${action}` as '/api/orders/{id}/actions/sign';
  return unwrap(client.POST(path, { params: { path: { id } }, body: body as ActionBody<'sign'> }));
}

/** Whether a name from a form table is an action with a route (the form tables are keyed by plain strings). */
export function isOrderAction(name: string): name is OrderActionName {
  return Object.hasOwn(ORDER_ACTIONS, name);
}

// Every action route, once: a new route without an entry here (or an entry without a route) fails tsc.
const ORDER_ACTIONS: Record<OrderActionName, true> = {
  accept: true,
  'close-direct': true,
  dispatch: true,
  sign: true,
  return: true,
  'judge-return': true,
  'request-extension': true,
  'decide-extension': true,
  supervise: true,
  instruct: true,
  reply: true,
  'send-back': true,
  callback: true,
  close: true,
  appeal: true,
  'decide-appeal': true,
  merge: true,
  archive: true,
  'co-sign': true,
  'co-reply': true,
  'release-co': true,
  dispute: true,
  'decide-dispute': true,
};
