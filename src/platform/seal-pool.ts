import { Worker } from 'node:worker_threads';
import { type Keyring, sealNullable } from './sm-crypto.ts';

/** Seals batches of values; `close` ends the thread behind it, if any. */
export interface Sealer {
  seal(values: (string | null)[], context: string): Promise<(string | null)[]>;
  close(): Promise<void>;
}

/** The same work on the calling thread (small inputs, or where no worker can start). */
export function inlineSealer(ring: Keyring): Sealer {
  return {
    seal: async (values, context) => values.map((v) => sealNullable(ring, v, context)),
    close: async () => undefined,
  };
}

/**
 * Seals in a worker thread (issue 18: sealing caller numbers was most of a call import's CPU, on the thread
 * that also parses): batches are answered in the order sent, while the caller goes on parsing. The worker
 * gets the key ring as a copy; it lives until `close`. If the thread fails, the batches waiting and later
 * ones are sealed here instead, so an import never depends on the worker.
 */
export function workerSealer(ring: Keyring): Sealer {
  const inline = inlineSealer(ring);
  const waiting = new Map<
    number,
    { values: (string | null)[]; context: string; resolve: (s: (string | null)[]) => void }
  >();
  let next = 0;
  let broken = false;
  const worker = new Worker(new URL('./seal-worker-entry.mjs', import.meta.url), { workerData: ring });
  worker.unref();
  worker.on('message', (m: { id: number; sealed: (string | null)[] }) => {
    waiting.get(m.id)?.resolve(m.sealed);
    waiting.delete(m.id);
  });
  const fallBack = () => {
    if (broken) return;
    broken = true;
    for (const [id, w] of waiting) {
      w.resolve(w.values.map((v) => sealNullable(ring, v, w.context)));
      waiting.delete(id);
    }
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    seal(values, context) {
      if (broken) return inline.seal(values, context);
      return new Promise((resolve) => {
        const id = next++;
        waiting.set(id, { values, context, resolve });
        worker.postMessage({ id, values, context });
      });
    },
    async close() {
      broken = true;
      await worker.terminate();
    },
  };
}
