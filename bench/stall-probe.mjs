// Stall probe for a benchmark's server (issue 18): `NODE_OPTIONS="--import ./bench/stall-probe.mjs"` before a
// bench that starts `hotline serve`; the server (only `serve`) logs to STALL_LOG (default /tmp/stall-<pid>.log),
// one line per event with its time in ms since the epoch: event-loop lag over 60 ms, the loop delay's max per
// second when over 60 ms, GC pauses over 5 ms, requests over 250 ms (start and duration), pool checkouts that
// waited over 100 ms (and how many were queued). Not loaded by anything in the tree.
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import http from 'node:http';
import fs from 'node:fs';
import { createRequire } from 'node:module';

if (process.argv.includes('serve')) {
  const out = fs.createWriteStream(process.env.STALL_LOG ?? `/tmp/stall-${process.pid}.log`);
  const log = (s) => out.write(`${Date.now()} ${s}\n`);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    if (delay.max > 60e6)
      log(`eld max=${(delay.max / 1e6).toFixed(0)} p99=${(delay.percentile(99) / 1e6).toFixed(0)}`);
    delay.reset();
  }, 1000).unref();
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 60) log(`lag ${(now - last - 10).toFixed(0)}ms ending`);
    last = now;
  }, 10).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 5) log(`gc kind=${e.detail?.kind} ${e.duration.toFixed(1)}ms`);
  }).observe({ entryTypes: ['gc'] });
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === 'request') {
      const t0 = Date.now();
      res.on('finish', () => {
        const ms = Date.now() - t0;
        if (ms > 250) log(`slow ${ms}ms ${req.method} ${req.url} start=${t0}`);
      });
    }
    return emit.apply(this, arguments);
  };
  const pg = createRequire(`${process.cwd()}/package.json`)('pg');
  const connect = pg.Pool.prototype.connect;
  pg.Pool.prototype.connect = function (cb) {
    const t0 = Date.now();
    const queued = this.waitingCount;
    const p = connect.call(this, cb);
    p?.then?.(
      () => Date.now() - t0 > 100 && log(`poolwait ${Date.now() - t0}ms start=${t0} queued=${queued}`),
      () => undefined,
    );
    return p;
  };
}
