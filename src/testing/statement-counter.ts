import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db } from '../db/client.ts';

export interface StatementCounter {
  readonly count: number;
  /** The statements' text since the last reset (the first 200 characters each). */
  readonly sql: string[];
  reset(): void;
}

/**
 * Counts the statements a database handle sends, at the driver: on PGlite every Parse or simple Query protocol
 * message (an extended-protocol query is Parse, Describe, Bind, Execute, Sync: one statement), on PostgreSQL
 * every `client.query` of a pooled connection (BEGIN and COMMIT included). For tests and benchmarks only.
 */
export function countStatements(db: Db): StatementCounter {
  const state = { count: 0, sql: [] as string[] };
  const seen = (text: string) => {
    state.count++;
    state.sql.push(text.slice(0, 200));
  };
  if (db.kind === 'pglite') {
    const client = (db.orm as unknown as { $client: PGlite }).$client;
    const original = client.execProtocolStream.bind(client);
    const decoder = new TextDecoder();
    client.execProtocolStream = ((message: Uint8Array, options?: object) => {
      const type = String.fromCharCode(message[0] ?? 0);
      // Parse: type, length (4), statement name (C string), query text (C string). Query: type, length, text.
      if (type === 'P') {
        const body = message.subarray(5);
        const nameEnd = body.indexOf(0);
        const text = body.subarray(nameEnd + 1);
        seen(decoder.decode(text.subarray(0, text.indexOf(0))));
      } else if (type === 'Q') seen(decoder.decode(message.subarray(5, message.length - 1)));
      return original(message, options as never);
    }) as typeof client.execProtocolStream;
  } else {
    const wrapped = new WeakSet<pg.PoolClient>();
    db.pool!.on('acquire', (client: pg.PoolClient) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const original = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        seen(typeof first === 'string' ? first : (first.text ?? '?'));
        return original(...args);
      };
    });
  }
  return {
    get count() {
      return state.count;
    },
    get sql() {
      return state.sql;
    },
    reset() {
      state.count = 0;
      state.sql = [];
    },
  };
}
