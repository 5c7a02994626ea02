/**
 * The server's shapes that several screens share, named from the generated OpenAPI types (`npm run gen:api`),
 * never copied by hand: when a route's response schema changes, `tsc -p web` fails where a screen relies on it.
 * A feature's own answers are named next to the feature (e.g. features/calls/types.ts).
 */
import type { ApiOk } from './responses.ts';

/** A user as the administration lists them. */
export type UserAccount = ApiOk<'/api/users'>['items'][number];
/** The roles a user account can have (the actor schema adds `system` and `citizen`, which never sign in). */
export type Role = UserAccount['role'];

type Me = NonNullable<ApiOk<'/api/auth/me'>['user']>;
/**
 * The signed-in user, as `GET /api/auth/me` answers. The answer uses the actor schema, whose id may be null and
 * whose role may be `system` or `citizen` (actors that never hold a console session); a session always names a
 * user row, so the console reads it as one.
 */
export type User = Omit<Me, 'id' | 'role'> & { id: number; role: Role };

export type Department = ApiOk<'/api/departments'>['items'][number];

/** A node of the dispatch catalogue. */
export type Category = ApiOk<'/api/categories'>['items'][number];

/** A page of the order list (`GET /api/orders`). */
export type OrderPage = ApiOk<'/api/orders'>;
/** An order as lists show it (with what waits for the office's decision). */
export type Order = OrderPage['items'][number];

/** An order with its history and its dispatches, returns, extensions, appeals, callbacks and supervisions. */
export type OrderDetail = ApiOk<'/api/orders/{id}'> & Partial<Pick<OrderActionAnswer, 'warnings'>>;
/** What an order action answers: the order after it, with warnings (the page keeps it as the order's detail). */
export type OrderActionAnswer = ApiOk<'/api/orders/{id}/actions/accept', 'post'>;
export type HistoryEntry = OrderDetail['history'][number];

/** Whether the server offers `action` on the order (its `allowedActions`, typed as the transition table's). */
export function allows(order: { allowedActions: readonly string[] }, action: string): boolean {
  return order.allowedActions.includes(action);
}
