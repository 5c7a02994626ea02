import { parentPort, workerData } from 'node:worker_threads';
import { type Keyring, sealNullable } from './sm-crypto.ts';

/** The sealing worker (seal-pool.ts): seals each batch of values it is sent with the ring it was started with. */
const ring = workerData as Keyring;
parentPort!.on('message', (m: { id: number; values: (string | null)[]; context: string }) => {
  parentPort!.postMessage({ id: m.id, sealed: m.values.map((v) => sealNullable(ring, v, m.context)) });
});
