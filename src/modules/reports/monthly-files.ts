import { Worker } from 'node:worker_threads';
import type { DbOrTx } from '../../db/client.ts';
import { monthlyCharts } from './charts.ts';
import { writeDocx } from './docx-writer.ts';
import { monthlyDocument } from './monthly-document.ts';
import { buildMonthlyReport, type OnProgress } from './monthly-service.ts';
import type { MonthlyReport } from './model.ts';
import { writePdf } from './pdf-writer.ts';
import { writeXlsx } from './xlsx-writer.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The issuer printed under the title (the office that files it). */
export const ISSUER = '12345政务服务便民热线';

/**
 * Renders the model in the formats asked for (charts drawn once), in this thread. Drawing the charts and laying
 * out the PDF with its embedded fonts is seconds of synchronous work: the server calls `renderMonthly`, which
 * runs this in a worker thread.
 */
export async function renderMonthlyHere(
  report: MonthlyReport,
  formats: readonly ReportFormat[],
  onProgress: OnProgress = () => {},
): Promise<Partial<Record<ReportFormat, Buffer>>> {
  onProgress('charts', 0.75);
  const needsCharts = formats.some((f) => f !== 'xlsx');
  const doc = monthlyDocument(report, needsCharts ? monthlyCharts(report) : [], ISSUER);
  const out: Partial<Record<ReportFormat, Buffer>> = {};
  const writers: Record<ReportFormat, () => Promise<Buffer>> = {
    docx: () => writeDocx(doc),
    pdf: () => writePdf(doc),
    xlsx: () => writeXlsx(doc),
  };
  for (const [i, f] of formats.entries()) {
    onProgress(f, 0.8 + (0.2 * i) / formats.length);
    out[f] = await writers[f]();
  }
  onProgress('done', 1);
  return out;
}

/** What the render worker posts: progress while it works, then the files or the error. */
export type RenderMessage =
  | { kind: 'progress'; step: string; progress: number }
  | { kind: 'done'; files: Partial<Record<ReportFormat, Uint8Array>> }
  | { kind: 'failed'; message: string };

/**
 * Renders the model in a worker thread, so the server keeps answering while a month's files are drawn (issue 14:
 * the scheduled generation right after the demo city was written held every request for seconds).
 */
export function renderMonthly(
  report: MonthlyReport,
  formats: readonly ReportFormat[],
  onProgress: OnProgress = () => {},
): Promise<Partial<Record<ReportFormat, Buffer>>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker-entry.mjs', import.meta.url), {
      workerData: { report, formats: [...formats] },
    });
    let settled = false;
    worker.on('message', (m: RenderMessage) => {
      if (m.kind === 'progress') return onProgress(m.step, m.progress);
      settled = true;
      if (m.kind === 'failed') return reject(new Error(m.message));
      resolve(
        Object.fromEntries(
          Object.entries(m.files).map(([f, bytes]) => [
            f,
            Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
          ]),
        ),
      );
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`report render worker exited with code ${code} before answering`));
    });
  });
}

/** The monthly analysis built and rendered: the model and the files. */
export async function generateMonthly(
  db: DbOrTx,
  month: string,
  options: {
    contractId?: string | null;
    now: Date;
    formats?: readonly ReportFormat[];
    onProgress?: OnProgress;
  },
) {
  const report = await buildMonthlyReport(db, month, options);
  const files = await renderMonthly(report, options.formats ?? REPORT_FORMATS, options.onProgress);
  return { report, files, fileName: `monthly-${report.month}` };
}
