import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { yieldToEventLoop } from '../platform/yield.ts';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type DbLimits, NO_LIMITS } from './limits.ts';
import * as schema from './schema.ts';

export { type DbLimits, NO_LIMITS, SERVE_LIMITS } from './limits.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services accept either a database or a transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface Db {
  kind: 'pglite' | 'postgres';
  orm: Database;
  /** Human description for logs: the data directory or the server (without password). */
  where: string;
  /** The node-postgres pool, for the few things that need one dedicated connection (session advisory locks, LISTEN). */
  pool?: pg.Pool;
  /**
   * LISTEN on a channel: NOTIFY from any process (or, on PGlite, this one) calls `onMessage` with the payload.
   * Returns the function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Embedded PostgreSQL (PGlite) in a data directory, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const client = new PGlite(dataDir ?? 'memory://', { extensions: { pg_trgm } });
  await client.waitReady;
  // Every statement first waits for the event loop's turn. PGlite runs in this thread and its statements resolve
  // without real I/O, so a chain of awaited statements — a step of the demo city, a month's report figures —
  // never let a request or a timer in until it ended (issue 14: health stalled for seconds while the demo city
  // was written). All statements, in and out of transactions, go through execProtocolStream (PGlite 0.5).
  const stream = client.execProtocolStream.bind(client);
  client.execProtocolStream = async (...args: Parameters<typeof stream>) => {
    await yieldToEventLoop();
    return stream(...args);
  };
  const orm = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    orm,
    where: dataDir ?? 'memory',
    listen: async (channel, onMessage) => {
      const stop = await client.listen(channel, onMessage);
      return async () => stop();
    },
    close: () => client.close(),
  };
}

/** A PostgreSQL server through node-postgres; the pool is sized for one process of the monolith. */
export async function openPostgres(url: string, poolSize = 10, limits: DbLimits = NO_LIMITS): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: limits.connectionWaitMs,
    // Sent as start-up parameters, so every connection of the pool has them from its first statement
    // (node-postgres leaves a falsy value out: 0 keeps the server's default, no limit).
    statement_timeout: limits.statementMs || undefined,
    lock_timeout: limits.lockMs || undefined,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs || undefined,
  });
  // An idle connection the server drops (a restart, a terminated backend) must not crash the process: the pool
  // replaces it on the next query. Only the reason is worth a line in the log.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error(`database connection lost: ${err.message}`);
  });
  // Fail fast with a clear message rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const orm = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    kind: 'postgres',
    orm,
    where: redactUrl(url),
    pool,
    // A LISTEN needs a connection of its own for as long as it listens, outside the pool.
    listen: async (channel, onMessage) => {
      const listener = new pg.Client({ connectionString: url });
      await listener.connect();
      listener.on('notification', (n) => {
        if (n.channel === channel) onMessage(n.payload ?? '');
      });
      listener.on('error', () => undefined);
      await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await listener.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
