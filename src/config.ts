import path from 'node:path';
import { type DbLimits, SERVE_LIMITS } from './db/limits.ts';

/** Settings read from the environment once, at the composition root; nothing deeper reads process.env. */
export interface Settings {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The server's limits on database waits (PostgreSQL only; `HOTLINE_DB_*_MS`, 0 = none). */
  dbLimits: DbLimits;
  /** HOTLINE_ATTACHMENTS_DIR: order attachments, beside the data directory (default `<dataDir>-attachments`). */
  attachmentsDir: string;
  /** HOTLINE_DATA_KEY: the data key ring inline (a key file's JSON, or one hex secret); wins over the file. */
  dataKey: string | undefined;
  /** HOTLINE_DATA_KEY_FILE: the key file, kept outside the data directory (default: `<dataDir>.key`). */
  dataKeyFile: string;
  sessionHours: number;
  /** Citizen submissions allowed per client address per window (public intake is open to anyone). */
  publicSubmitLimit: { max: number; windowSeconds: number };
  /** Tracking look-ups per client address per window (the code is a secret; limit guessing). */
  publicTrackLimit: { max: number; windowSeconds: number };
  sweepIntervalSeconds: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits are per address). */
  trustProxy: boolean;
  /** Who may read the API document at /docs: `staff` (signed in), `public` or `off`. */
  apiDocs: 'staff' | 'public' | 'off';
  /** HOTLINE_INTAKE_GROUP_MAX: most intakes registered in one statement and commit (1 = each alone; issue 18). */
  intakeGroupMax: number;
  /** Work-order rules a city may set (docs/settings.md). */
  orders: { timeLimits: { normal: number; urgent: number }; maxCallbackAttempts: number };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function apiDocsFrom(raw: string | undefined): Settings['apiDocs'] {
  if (raw === undefined || raw === '') return 'staff';
  if (raw === 'staff' || raw === 'public' || raw === 'off') return raw;
  throw new Error(`HOTLINE_API_DOCS must be staff, public or off, got "${raw}"`);
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.HOTLINE_DATA_DIR || './data'),
    dbLimits: {
      connectionWaitMs: intFrom(env, 'HOTLINE_DB_CONNECTION_WAIT_MS', SERVE_LIMITS.connectionWaitMs),
      statementMs: intFrom(env, 'HOTLINE_DB_STATEMENT_TIMEOUT_MS', SERVE_LIMITS.statementMs),
      lockMs: intFrom(env, 'HOTLINE_DB_LOCK_TIMEOUT_MS', SERVE_LIMITS.lockMs),
      idleInTransactionMs: intFrom(
        env,
        'HOTLINE_DB_IDLE_IN_TRANSACTION_MS',
        SERVE_LIMITS.idleInTransactionMs,
      ),
    },
    attachmentsDir: path.resolve(
      env.HOTLINE_ATTACHMENTS_DIR || `${path.resolve(env.HOTLINE_DATA_DIR || './data')}-attachments`,
    ),
    dataKey: env.HOTLINE_DATA_KEY || undefined,
    dataKeyFile: path.resolve(
      env.HOTLINE_DATA_KEY_FILE || `${path.resolve(env.HOTLINE_DATA_DIR || './data')}.key`,
    ),
    sessionHours: intFrom(env, 'HOTLINE_SESSION_HOURS', 12),
    publicSubmitLimit: {
      max: intFrom(env, 'HOTLINE_PUBLIC_SUBMIT_MAX', 60),
      windowSeconds: intFrom(env, 'HOTLINE_PUBLIC_SUBMIT_WINDOW_SECONDS', 600),
    },
    publicTrackLimit: {
      max: intFrom(env, 'HOTLINE_PUBLIC_TRACK_MAX', 120),
      windowSeconds: intFrom(env, 'HOTLINE_PUBLIC_TRACK_WINDOW_SECONDS', 600),
    },
    sweepIntervalSeconds: intFrom(env, 'HOTLINE_SWEEP_SECONDS', 60),
    trustProxy: env.HOTLINE_TRUST_PROXY === 'true' || env.HOTLINE_TRUST_PROXY === '1',
    apiDocs: apiDocsFrom(env.HOTLINE_API_DOCS),
    intakeGroupMax: Math.max(1, intFrom(env, 'HOTLINE_INTAKE_GROUP_MAX', 64)),
    orders: {
      timeLimits: {
        normal: intFrom(env, 'HOTLINE_DEFAULT_TIME_LIMIT_DAYS', 5),
        urgent: intFrom(env, 'HOTLINE_URGENT_TIME_LIMIT_DAYS', 1),
      },
      // Read from the `orders.callbackMaxAttempts` setting at each request; this is only the fallback.
      maxCallbackAttempts: 3,
    },
  };
}
