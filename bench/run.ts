import { benchIntake } from './intake.ts';

/** `npm run bench`: each benchmark prints its figures; nothing here asserts a speed. */
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

console.log('== order intake (PostgreSQL server)');
const intake = await benchIntake();
console.log(
  `HTTP API, ${intake.clients} concurrent clients, ${intake.orders} orders: ${fmt(intake.apiPerSecond)} intakes/s, ` +
    `p50 ${fmt(intake.apiP50Ms)} ms, p99 ${fmt(intake.apiP99Ms)} ms`,
);
console.log(
  `raw INSERT of the same rows, ${intake.clients} connections: ${fmt(intake.insertPerSecond)} rows/s, ` +
    `p50 ${fmt(intake.insertP50Ms)} ms, p99 ${fmt(intake.insertP99Ms)} ms`,
);
console.log(`raw INSERT / API throughput: ${fmt(intake.ratio)}×`);
console.log(
  `minimal Fastify + pg endpoint, same work: ${fmt(intake.minimalPerSecond)} intakes/s, ` +
    `p50 ${fmt(intake.minimalP50Ms)} ms, p99 ${fmt(intake.minimalP99Ms)} ms`,
);
console.log(`platform / minimal endpoint: ${fmt(intake.platformToMinimal * 100)} % (goal ≥ 80 %)`);

console.log(
  '== web console: first load of the agent workbench (cold cache, Debian Chromium, 5 runs, median)',
);
const { benchWebLoad } = await import('./web-load.ts');
const web = await benchWebLoad(5);
console.log(
  `${(web.bytes / 1024).toFixed(0)} KiB on the wire (${(web.jsBytes / 1024).toFixed(0)} KiB of it JavaScript, brotli) ` +
    `in ${web.requests} requests; usable after ${web.ms} ms`,
);

console.log('== calls: import and metrics (PostgreSQL server)');
const { benchCalls } = await import('./calls.ts');
const c = await benchCalls();
console.log(
  `generic CSV: ${c.genericRows} rows in ${c.genericSeconds.toFixed(1)} s = ${fmt(c.genericPerSecond)} rows/s; ` +
    `re-import (all already present): ${c.reimportSeconds.toFixed(1)} s; raw COPY of the same rows ` +
    `${fmt(c.rawCopyPerSecond)} rows/s, import = ${(c.importShareOfCopy * 100).toFixed(0)} % of COPY`,
);
console.log(
  `Asterisk queue_log: ${c.asteriskLines} lines (${c.asteriskCalls} calls) in ${c.asteriskSeconds.toFixed(1)} s = ` +
    `${fmt(c.asteriskLinesPerSecond)} lines/s; peak RSS during imports ${fmt(c.peakRssMiB)} MiB`,
);
console.log(
  `metrics for a year (${c.yearOffered} calls): 30-minute intervals (${c.metricsIntervalBuckets}) ${c.metricsIntervalSeconds.toFixed(2)} s, ` +
    `days ${c.metricsDaySeconds.toFixed(2)} s`,
);

console.log(
  '== knowledge search over 20,000 articles (500 searches: half short queries, half whole requests)',
);
const { benchKbSearch } = await import('./kb-search.ts');
const kb = await benchKbSearch();
for (const [where, f] of Object.entries(kb)) {
  console.log(
    `${where}: load ${f.loadSeconds.toFixed(1)} s; search p50 ${fmt(f.p50Ms)} ms, p99 ${fmt(f.p99Ms)} ms ` +
      `(short queries p50 ${fmt(f.shortP50Ms)} ms; whole requests p50 ${fmt(f.requestP50Ms)} ms, p99 ${fmt(f.requestP99Ms)} ms)`,
  );
}

console.log(
  '== smart dispatch: train on 10,000 orders, suggestion and duplicates latency (in-memory PGlite)',
);
const { benchTriage } = await import('./triage.ts');
const tr = await benchTriage();
console.log(
  `train from history: ${tr.trainSeconds.toFixed(1)} s (classifier ${tr.classifierSeconds.toFixed(1)} s), held-back macro-F1 ${tr.heldBackMacroF1.toFixed(3)}; ` +
    `suggest p50 ${fmt(tr.suggestP50Ms)} ms, p99 ${fmt(tr.suggestP99Ms)} ms (predict alone p50 ${fmt(tr.predictP50Ms)}, p99 ${fmt(tr.predictP99Ms)}); ` +
    `duplicates over ${tr.duplicatesCandidates} open orders p50 ${fmt(tr.duplicatesP50Ms)} ms, p99 ${fmt(tr.duplicatesP99Ms)} ms`,
);

console.log(
  '== key rotation: re-encrypt 100,000 orders with a new SM4 key (PostgreSQL server, PGlite on disk)',
);
const { benchReencrypt } = await import('./reencrypt.ts');
const rk = await benchReencrypt();
for (const [where, f] of [
  ['PostgreSQL', rk.postgres],
  ['PGlite', rk.pglite],
] as const)
  console.log(
    `${where}: ${f.rows} orders re-sealed in ${f.seconds.toFixed(1)} s = ${fmt(f.rowsPerSecond)} rows/s`,
  );
console.log(
  `phone numbers found in clear in PGlite's files: ${rk.plainFiles.length} files (of ${rk.phonesSampled} numbers sampled)`,
);
