/**
 * The monthly report's files drawn in a worker thread (charts, DOCX, PDF with embedded fonts, XLSX): seconds of
 * synchronous work that must not hold the server's event loop (monthly-files.ts `renderMonthly`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type RenderMessage, renderMonthlyHere, type ReportFormat } from './monthly-files.ts';
import type { MonthlyReport } from './model.ts';

const { report, formats } = workerData as { report: MonthlyReport; formats: ReportFormat[] };
const post = (m: RenderMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
try {
  const files = await renderMonthlyHere(report, formats, (step, progress) =>
    post({ kind: 'progress', step, progress }),
  );
  // Copied into fresh buffers so they can be transferred (a Buffer may be a view on Node's shared pool).
  const out = Object.fromEntries(Object.entries(files).map(([f, b]) => [f, new Uint8Array(b)]));
  post(
    { kind: 'done', files: out },
    Object.values(out).map((u) => u.buffer as ArrayBuffer),
  );
} catch (err) {
  post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
}
