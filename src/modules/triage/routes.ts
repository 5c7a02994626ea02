import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import { measureAccuracy } from './accuracy-service.ts';
import { findDuplicates } from './duplicates-service.ts';
import {
  AccuracyQuery,
  ChoiceInput,
  DuplicatesInput,
  SuggestInput,
  TrainInput,
  FindDuplicatesResponse,
  GetTriageModelsResponse,
  MeasureAccuracyResponse,
  RecordChoiceResponse,
  SuggestDispatchResponse,
  TrainFromHistoryResponse,
} from './model.ts';
import { listModels } from './model-store.ts';
import { recordChoice, suggestDispatch } from './suggest-service.ts';
import { trainFromHistory } from './train-service.ts';
import { zId } from '../../platform/input.ts';

const IdParams = z.object({ id: zId });
/** Those who take requests in and may merge a duplicate. */
const INTAKE_ROLES: Role[] = ['agent', 'team_lead', 'office'];
/** Those who read the dashboard's figures and the model list. */
const OVERSIGHT_ROLES: Role[] = ['agent', 'team_lead', 'office', 'admin'];

export function registerTriageRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tags = ['triage'];

  /** 智能分派建议: any signed-in user; `{ modelVersion: null, categories: [], departments: [] }` with no model. */
  app.post(
    '/api/triage/suggest',
    { schema: { response: { 200: SuggestDispatchResponse }, body: SuggestInput, tags } },
    async (req) => suggestDispatch(db.orm, requireActor(req), req.body, clock.now()),
  );

  app.post(
    '/api/triage/suggestions/:id/choice',
    { schema: { response: { 200: RecordChoiceResponse }, params: IdParams, body: ChoiceInput, tags } },
    async (req) => recordChoice(db.orm, requireActor(req), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/triage/accuracy',
    {
      config: { roles: OVERSIGHT_ROLES },
      schema: { response: { 200: MeasureAccuracyResponse }, querystring: AccuracyQuery, tags },
    },
    async (req) => {
      actorOf(req);
      return measureAccuracy(db.orm, req.query);
    },
  );

  app.post(
    '/api/triage/duplicates',
    {
      config: { roles: INTAKE_ROLES },
      schema: { response: { 200: FindDuplicatesResponse }, body: DuplicatesInput, tags },
    },
    async (req) => {
      actorOf(req);
      return findDuplicates(db.orm, req.body, clock.now());
    },
  );

  app.get(
    '/api/triage/models',
    {
      config: { roles: ['office', 'admin'] },
      schema: { response: { 200: GetTriageModelsResponse }, tags },
    },
    async (req) => {
      actorOf(req);
      return { items: await listModels(db.orm) };
    },
  );

  /**
   * `hotline triage train` over HTTP, for a server that holds its embedded database (the CLI cannot open it
   * then): trains on the finished orders, compares, activates if better or forced. The training itself runs in a
   * worker thread (train-job.ts), so the server keeps answering others meanwhile.
   */
  app.post(
    '/api/triage/train',
    {
      config: { roles: ['office', 'admin'] },
      schema: { response: { 200: TrainFromHistoryResponse }, body: TrainInput, tags },
    },
    async (req) => {
      const actor = actorOf(req);
      return trainFromHistory(db.orm, actor, req.body, clock.now());
    },
  );
}
