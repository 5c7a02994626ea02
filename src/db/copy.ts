import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './client.ts';

export { arrayLiteral, copyText } from './copy-text.ts';

/**
 * One database connection held for a bulk load: plain queries plus `COPY … FROM STDIN`, the fastest way
 * PostgreSQL takes rows. On a server it is a pooled connection (a temporary staging table lives as long as it),
 * on PGlite the embedded database itself, fed through its `/dev/blob` device.
 */
export interface CopySession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `copy <target> from stdin` with `data` in COPY's text format (UTF-8 bytes or a string); answers the rows copied. */
  copyIn(target: string, data: string | Uint8Array): Promise<number>;
  /** `fn` in a transaction on this connection (on PGlite, PGlite's own, so no other request's query enters it). */
  transaction<T>(fn: (s: CopySession) => Promise<T>): Promise<T>;
}

type PgliteLike = Pick<PGlite, 'query'>;

function pgliteSession(client: PgliteLike, root: PGlite): CopySession {
  return {
    query: async <R>(text: string, params: unknown[] = []) => (await client.query<R>(text, params)).rows,
    copyIn: async (target, data) => {
      const r = await client.query(`copy ${target} from '/dev/blob'`, [], {
        blob: new Blob([data as BlobPart]),
      });
      return r.affectedRows ?? 0;
    },
    transaction: (fn) => root.transaction((tx) => fn(pgliteSession(tx, root))),
  };
}

export async function withCopySession<T>(orm: Database, fn: (s: CopySession) => Promise<T>): Promise<T> {
  const client = (orm as unknown as { $client: PGlite | pg.Pool }).$client;
  if (client instanceof PGlite) return fn(pgliteSession(client, client));
  const conn = await client.connect();
  const session: CopySession = {
    query: async <R>(text: string, params: unknown[] = []) => (await conn.query(text, params)).rows as R[],
    copyIn: (target, data) => copyFromStdin(conn, `copy ${target} from stdin`, data),
    transaction: async (inner) => {
      await conn.query('begin');
      try {
        const r = await inner(session);
        await conn.query('commit');
        return r;
      } catch (err) {
        await conn.query('rollback').catch(() => undefined);
        throw err;
      }
    },
  };
  try {
    return await fn(session);
  } finally {
    conn.release();
  }
}

const CHUNK = 64 * 1024;

/**
 * COPY FROM STDIN on a node-postgres connection, as a "submittable" query (the protocol node-postgres offers
 * for this; the same thing pg-copy-streams does, without adding that package): send the statement, then on
 * CopyInResponse the data as CopyData messages and CopyDone.
 */
function copyFromStdin(conn: pg.PoolClient, statement: string, data: string | Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failed: Error | null = null;
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
        const buf =
          typeof data === 'string'
            ? Buffer.from(data, 'utf8')
            : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        for (let i = 0; i < buf.length; i += CHUNK) connection.sendCopyFromChunk(buf.subarray(i, i + CHUNK));
        connection.endCopyFrom();
      },
      handleCommandComplete(msg: { text?: string }) {
        rows = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
      },
      handleError(err: Error) {
        failed = err;
        reject(err);
      },
      handleReadyForQuery() {
        if (!failed) resolve(rows);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    void conn.query(submittable as never);
  });
}
