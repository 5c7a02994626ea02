/**
 * The training job in a worker thread: the classifier's CPU-bound part (features, χ² selection, SVM,
 * calibration — ~10 s for a few thousand orders) must not hold the server's event loop, or every request waits
 * behind it (issue 14: `POST /api/triage/train` and the demo's first model blocked the server).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainAndScore, type TrainJob } from './train-job.ts';

const result = trainAndScore(workerData as TrainJob);
parentPort!.postMessage(result, [result.model.buffer as ArrayBuffer]);
