// Samples what the PostgreSQL server's backends wait on (issue 18): every ~20 ms, each backend of any database
// that is not idle and waits on something, as `time pid|database|type:event|ms running|statement`. Run it beside
// a bench: `node bench/pg-waits.mjs > waits.txt &` (DATABASE_URL, else the local server), stop it after.
import { createRequire } from 'node:module';

const pg = createRequire(`${process.cwd()}/package.json`)('pg');
const client = new pg.Client({
  connectionString: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
});
await client.connect();
for (;;) {
  const { rows } = await client.query(`select pid, coalesce(datname, backend_type) db, wait_event_type wt,
      wait_event we, (extract(epoch from now() - coalesce(query_start, backend_start)) * 1000)::int ms,
      left(regexp_replace(coalesce(query, ''), '\\s+', ' ', 'g'), 70) q
    from pg_stat_activity
    where pid <> pg_backend_pid() and (state is null or state <> 'idle') and wait_event is not null
      and wait_event_type <> 'Activity' and wait_event <> 'ClientRead'`);
  if (rows.length)
    console.log(Date.now(), rows.map((r) => `${r.pid}|${r.db}|${r.wt}:${r.we}|${r.ms}|${r.q}`).join(' ;; '));
  await new Promise((r) => setTimeout(r, 20));
}
