// Entry of the sealing worker thread: a worker does not inherit the parent's TypeScript loader, so it
// registers tsx itself before loading the worker (the same way bin/hotline.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./seal-worker.ts');
