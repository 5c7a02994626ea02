// Entry of the call import's worker thread: a worker does not inherit the parent's TypeScript loader, so it
// registers tsx itself before loading the worker (as src/platform/seal-worker-entry.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
