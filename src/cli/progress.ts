import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';

/**
 * A file as a stream that counts its bytes, and a progress line on standard error (only on a terminal, so a
 * script's output stays clean): `[#########-----------]  45%  312,000 calls`.
 */
export function fileWithProgress(path: string, label: string) {
  const total = fs.statSync(path).size;
  let done = 0;
  let last = 0;
  const tty = process.stderr.isTTY;
  let counter = '';
  const draw = (force = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const pct = total ? done / total : 1;
    const width = 30;
    const bar = '#'.repeat(Math.round(pct * width)).padEnd(width, '-');
    process.stderr.write(`\r[${bar}] ${(pct * 100).toFixed(0).padStart(3)}%  ${counter} ${label}`.padEnd(80));
  };
  const counting = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      done += chunk.length;
      draw();
      cb(null, chunk);
    },
  });
  const stream: Readable = fs.createReadStream(path).pipe(counting);
  return {
    stream,
    update(text: string) {
      counter = text;
      draw();
    },
    finish() {
      if (!tty) return;
      done = total;
      draw(true);
      process.stderr.write('\n');
    },
  };
}
