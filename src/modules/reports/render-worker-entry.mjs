// Entry of the report render worker thread: a worker does not inherit the parent's TypeScript loader, so it
// registers tsx itself before loading the job (as the triage training worker does).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
