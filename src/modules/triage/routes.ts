import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { measureAccuracy } from './accuracy-service.ts';
import { findDuplicates } from './duplicates-service.ts';
import { AccuracyQuery, ChoiceInput, DuplicatesInput, SuggestInput, TrainInput } from './model.ts';
import { listModels } from './model-store.ts';
import { recordChoice, suggestDispatch } from './suggest-service.ts';
import { trainFromHistory } from './train-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
/** Those who take requests in and may merge a duplicate. */
const INTAKE_ROLES: Role[] = ['agent', 'team_lead', 'office'];
/** Those who read the dashboard's figures and the model list. */
const OVERSIGHT_ROLES: Role[] = ['agent', 'team_lead', 'office', 'admin'];

export function registerTriageRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tags = ['triage'];

  /** 智能分派建议: any signed-in user; `{ modelVersion: null, categories: [], departments: [] }` with no model. */
  app.post('/api/triage/suggest', { schema: { body: SuggestInput, tags } }, async (req) =>
    suggestDispatch(db.orm, requireActor(req), req.body, clock.now()),
  );

  app.post(
    '/api/triage/suggestions/:id/choice',
    { schema: { params: IdParams, body: ChoiceInput, tags } },
    async (req) => recordChoice(db.orm, requireActor(req), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/triage/accuracy',
    { preValidation: allowRoles(...OVERSIGHT_ROLES), schema: { querystring: AccuracyQuery, tags } },
    async (req) => {
      requireRole(req, ...OVERSIGHT_ROLES);
      return measureAccuracy(db.orm, req.query);
    },
  );

  app.post(
    '/api/triage/duplicates',
    { preValidation: allowRoles(...INTAKE_ROLES), schema: { body: DuplicatesInput, tags } },
    async (req) => {
      requireRole(req, ...INTAKE_ROLES);
      return findDuplicates(db.orm, req.body, clock.now());
    },
  );

  app.get(
    '/api/triage/models',
    { preValidation: allowRoles('office', 'admin'), schema: { tags } },
    async (req) => {
      requireRole(req, 'office', 'admin');
      return { items: await listModels(db.orm) };
    },
  );

  /**
   * `hotline triage train` over HTTP, for a server that holds its embedded database (the CLI cannot open it
   * then): trains on the finished orders, compares, activates if better or forced. Synchronous on the event
   * loop — seconds for thousands of orders — so it is the office's deliberate act, not a routine call.
   */
  app.post(
    '/api/triage/train',
    { preValidation: allowRoles('office', 'admin'), schema: { body: TrainInput, tags } },
    async (req) => {
      const actor = requireRole(req, 'office', 'admin');
      return trainFromHistory(db.orm, actor, req.body, clock.now());
    },
  );
}
