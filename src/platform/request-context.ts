import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request came from, for the audit trail (等保 2.0: the audit record names the client). */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

const store = new AsyncLocalStorage<ClientInfo>();

/** Runs `fn` with `client` visible to everything it calls (the HTTP layer wraps each request in it). */
export function runWithClient<T>(client: ClientInfo, fn: () => T): T {
  return store.run(client, fn);
}

/** The client of the request being served, or nulls for the CLI and background jobs. */
export function currentClient(): ClientInfo {
  return store.getStore() ?? { address: null, userAgent: null };
}
