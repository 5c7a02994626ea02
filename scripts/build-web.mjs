#!/usr/bin/env node
// Builds the web console into web/dist when it is missing or older than its sources, so `npm install` and
// `npm start` leave a working console without a separate step. `--force` always builds.
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const web = path.join(root, 'web');
const index = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (!fs.existsSync(path.join(web, 'src'))) process.exit(0);
const sourcesTime = Math.max(
  newest(path.join(web, 'src')),
  newest(path.join(root, 'src', 'shared')),
  fs.statSync(path.join(web, 'index.html')).mtimeMs,
  fs.statSync(path.join(web, 'vite.config.ts')).mtimeMs,
);
const force = process.argv.includes('--force');
if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs >= sourcesTime) process.exit(0);

let vite;
try {
  // Vite's package exports do not include its bin; find the package and join the path.
  vite = path.join(
    path.dirname(createRequire(path.join(root, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
} catch {
  console.warn(
    'web console not built: vite is not installed (a production install without dev dependencies?)',
  );
  process.exit(0);
}
console.log('building the web console…');
try {
  execFileSync(process.execPath, [vite, 'build', web, '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
} catch {
  // An install or a start must not fail over the console: the API still works. `npm run build:web` is strict.
  console.error(
    'web console build FAILED (see above); the API runs without it. Fix and run `npm run build:web`.',
  );
  process.exit(force ? 1 : 0);
}

// Pre-compress the text assets once (gzip and brotli) so the server sends them compressed at no cost per request.
function compressAll(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) compressAll(p);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const data = fs.readFileSync(p);
      fs.writeFileSync(`${p}.gz`, zlib.gzipSync(data, { level: 9 }));
      fs.writeFileSync(
        `${p}.br`,
        zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  }
}
compressAll(path.join(web, 'dist'));
