/**
 * How long a pooled PostgreSQL connection may wait, in milliseconds (0: no limit). Without them a request that
 * waits on a lock or on a free connection waits forever and the client sees a button spinning; with them the wait
 * fails with a clear error the HTTP layer answers 503 (see `databaseBusyReason` in busy.ts).
 */
export interface DbLimits {
  /** Waiting for a free connection of the pool (node-postgres `connectionTimeoutMillis`). */
  connectionWaitMs: number;
  /** One statement, lock waits included (`statement_timeout`). */
  statementMs: number;
  /** Waiting for one lock: a row, a table, an advisory lock (`lock_timeout`). */
  lockMs: number;
  /** A transaction left open doing nothing: the server ends the session and its locks (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
}

/** No limits: the CLI's long work (imports, the demo build, report commands, key rotation) and the tests. */
export const NO_LIMITS: DbLimits = { connectionWaitMs: 0, statementMs: 0, lockMs: 0, idleInTransactionMs: 0 };

/** The server's defaults (README, configuration): generous for a month's report query, short for a lock wait. */
export const SERVE_LIMITS: DbLimits = {
  connectionWaitMs: 15_000,
  statementMs: 120_000,
  lockMs: 15_000,
  idleInTransactionMs: 60_000,
};
