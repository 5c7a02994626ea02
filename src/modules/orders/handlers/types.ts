import type { ChinaCalendar } from '../../../calendar/china-calendar.ts';
import type { Tx } from '../../../db/client.ts';
import type { CategoryView, Department } from '../../directory/index.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { DefaultTimeLimits } from '../deadlines.ts';
import type { ActionInput, ActionName } from '../model.ts';
import type { OrderRow } from '../repository.ts';

/** The city's settings that order rules read; passed in, never read from the environment here. */
export interface OrderSettings {
  timeLimits: DefaultTimeLimits;
  /** Unreached callback attempts after which an order may be closed without one. */
  maxCallbackAttempts: number;
  /** `orders.disputeDecisionWorkingDays` (dispute-settings.ts); its default when not given. */
  disputeDecisionWorkingDays?: number;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  timeLimits: { normal: 5, urgent: 1 },
  maxCallbackAttempts: 3,
};

export interface HandlerContext<A extends ActionName> {
  tx: Tx;
  /**
   * The catalogue as the process's cache holds it, read before the transaction began (on PGlite a read through
   * the root handle inside a transaction would wait for that transaction: one connection), as the settings are.
   */
  catalogue: { departments: Department[]; categories: CategoryView[] };
  order: OrderRow;
  actor: Actor;
  now: Date;
  input: ActionInput<A>;
  settings: OrderSettings;
  calendar: () => Promise<ChinaCalendar>;
}

/** What an action does besides its status change, which the entry point applies. */
export interface Effect {
  /** Chooses among the transition's targets; `default` when absent. */
  outcome?: string;
  patch?: Partial<OrderRow>;
  note?: string | null;
  data?: Record<string, unknown>;
  warnings?: string[];
}

export type Handler<A extends ActionName> = (ctx: HandlerContext<A>) => Promise<Effect>;
