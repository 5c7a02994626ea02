import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

/**
 * First load of the agent workbench in Debian's Chromium against a fresh server: bytes on the wire (compressed,
 * as the server sends them) for the whole page, and the time until the intake form is usable. Cold cache.
 */
export async function benchWebLoad(runs = 5) {
  const port = 3198;
  const server = spawn(process.execPath, ['e2e/start-server.mjs'], {
    env: { ...process.env, E2E_PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent01', password: 'Demo-12345' }),
    });
    const { token } = (await login.json()) as { token: string };
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const results: { bytes: number; jsBytes: number; requests: number; ms: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext();
      await context.addInitScript((t) => localStorage.setItem('hotline.token', t), token);
      const page = await context.newPage();
      let bytes = 0;
      let jsBytes = 0;
      let requests = 0;
      page.on('requestfinished', async (req) => {
        const sizes = await req.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        if (req.url().endsWith('.js')) jsBytes += sizes.responseBodySize;
        requests++;
      });
      const t0 = Date.now();
      await page.goto(`${base}/workbench`);
      await page.getByTestId('workbench-form').waitFor();
      await page.waitForLoadState('networkidle');
      results.push({ bytes, jsBytes, requests, ms: Date.now() - t0 });
      await context.close();
    }
    await browser.close();
    const median = <K extends keyof (typeof results)[0]>(k: K) =>
      results.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
    return {
      bytes: median('bytes'),
      jsBytes: median('jsBytes'),
      requests: median('requests'),
      ms: median('ms'),
      runs,
    };
  } finally {
    server.kill('SIGTERM');
  }
}
