import type { Database } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { trainFromHistory, type TrainOutcome } from '../modules/triage/index.ts';

/**
 * For the demo city: a level-1 model from the generated history, so the workbench's suggestion panel works
 * out of the box. Too little history (a small demo) is not an error: the panel then stays empty.
 */
export async function trainDemoModel(
  db: Database,
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<TrainOutcome | null> {
  try {
    const r = await trainFromHistory(db, SYSTEM_ACTOR, { level: 1 }, now);
    log(
      `demo dispatch model v${r.version}: ${r.categories} categories from ${r.trainingSize} orders, macro-F1 ${r.candidate.macroF1.toFixed(3)} on the ${r.heldBackSize} most recent (${r.activated ? 'active' : 'not activated'})`,
    );
    return r;
  } catch (err) {
    if (err instanceof AppError && err.code === 'triage_too_little_history') {
      log(`demo dispatch model: skipped (${err.message})`);
      return null;
    }
    throw err;
  }
}
