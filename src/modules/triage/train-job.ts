/**
 * One training run as a pure job: documents and options in, the serialized model and its figures out, so it
 * can run in a worker thread (train-worker.ts) and be tested in-process.
 */
import { Worker } from 'node:worker_threads';
import { predict, trainClassifier, type ClassifierOptionsInput, type TriageModel } from './classifier.ts';
import type { HistoryDoc } from './history.ts';
import { computeReport } from './metrics.ts';
import { deserializeModel, serializeModel } from './model-codec.ts';
import type { ModelFigures } from './model-store.ts';

export interface TrainJob {
  train: HistoryDoc[];
  held: HistoryDoc[];
  classifier?: ClassifierOptionsInput;
  /** The active model, serialized, to score on the same held-back orders; null when there is none. */
  active: Uint8Array | null;
}

export interface TrainJobResult {
  /** The new model, serialized (model-codec.ts). */
  model: Uint8Array;
  candidate: ModelFigures;
  /** The active model's figures on the held-back orders; null when there was none. */
  previous: ModelFigures | null;
  trainMilliseconds: number;
}

/** Top-1 accuracy and macro-F1 of `model` on `docs`. */
export function scoreModel(model: TriageModel, docs: readonly HistoryDoc[]): ModelFigures {
  const predicted = docs.map((d) => predict(model, d)[0]!.label);
  const report = computeReport(
    docs.map((d) => d.label),
    predicted,
  );
  return { accuracy: report.accuracy, macroF1: report.macroF1 };
}

export function trainAndScore(job: TrainJob): TrainJobResult {
  const started = performance.now();
  const model = trainClassifier(job.train, job.classifier);
  const trainMilliseconds = performance.now() - started;
  return {
    model: new Uint8Array(serializeModel(model)),
    candidate: scoreModel(model, job.held),
    previous: job.active ? scoreModel(deserializeModel(job.active), job.held) : null,
    trainMilliseconds,
  };
}

/** Runs the job in a worker thread; the caller's event loop stays free for requests meanwhile. */
export function trainInWorker(job: TrainJob): Promise<TrainJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./train-worker-entry.mjs', import.meta.url), { workerData: job });
    let settled = false;
    worker.once('message', (r: TrainJobResult) => {
      settled = true;
      resolve(r);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`training worker exited with code ${code} before answering`));
    });
  });
}
