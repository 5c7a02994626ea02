/**
 * Lets the event loop take waiting I/O (HTTP requests, timers) before the caller goes on. Long batch jobs
 * that run beside the server — the demo city on first start — call it between short transactions: on the
 * embedded database every query resolves without real I/O, so a loop of awaits alone would never give a
 * request its turn (issue 14: the server answered nothing for minutes while the demo was written).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
