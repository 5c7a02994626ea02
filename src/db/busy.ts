/**
 * Why a failure is the database being busy or stuck rather than a fault of the request: a lock or statement limit
 * reached, a transaction ended for idling, no free pool connection in time. Null for anything else.
 */
export function databaseBusyReason(err: unknown): string | null {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '55P03') return 'lock wait timeout (lock_timeout)';
    if (e.code === '57014') return 'statement timeout (statement_timeout)';
    if (e.code === '25P03') return 'transaction idle too long (idle_in_transaction_session_timeout)';
    // node-postgres' pool and client, no SQLSTATE: the pool's wait, or the connect of a new connection.
    if (
      typeof e.message === 'string' &&
      /timeout exceeded when trying to connect|connection timeout/i.test(e.message)
    )
      return 'no free database connection in time (pool wait)';
    if (typeof e.message === 'string' && /^Connection terminated/.test(e.message))
      return 'database connection lost';
  }
  return null;
}
