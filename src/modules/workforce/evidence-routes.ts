import { z } from 'zod';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { daysBetween } from './days.ts';
import { headcountEvidence, headcountSeries } from './evidence-service.ts';
import {
  localDay,
  PRESENT_MEANS,
  TEAM_ROLES,
  GetWorkforceEvidenceResponse,
  GetWorkforceHeadcountResponse,
} from './model.ts';
import { READERS, TAGS, type WorkforceDeps } from './route-helpers.ts';

/** Long enough for a three-year tender (Sanmenxia art. 17), short enough to answer at once. */
const MAX_DAYS = 3 * 366;
const limit = z.coerce.number().int().min(0).max(365).optional();

const PeriodQuery = z.object({
  from: localDay,
  to: localDay,
  agreed: z.coerce.number().int().min(0).max(10_000).default(45),
  presentMeans: z.enum(PRESENT_MEANS).default('employed'),
  /** Comma-separated team roles that count toward the number; absent = the whole team. */
  roles: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(TEAM_ROLES)))
    .optional(),
});

const EvidenceQuery = PeriodQuery.extend({
  capAtAgreed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  fillDays: limit,
  replacementDays: limit,
  noticeDays: limit,
});

function checkPeriod(from: string, to: string) {
  if (to <= from) throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
  if (daysBetween(from, to) > MAX_DAYS)
    throw validationFailed([{ field: 'to', message: `at most ${MAX_DAYS} days after from` }]);
}

/** The evidence the contract assessment reads: per-day headcount, shortfall, staffing rate, time limits. */
export function registerEvidenceRoutes(app: AppInstance, { db, clock }: WorkforceDeps): void {
  app.get(
    '/api/workforce/headcount',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetWorkforceHeadcountResponse }, querystring: PeriodQuery, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      return { from: req.query.from, to: req.query.to, ...(await headcountSeries(db.orm, req.query)) };
    },
  );

  app.get(
    '/api/workforce/evidence',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetWorkforceEvidenceResponse }, querystring: EvidenceQuery, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      const { days: _days, ...evidence } = await headcountEvidence(db.orm, {
        ...req.query,
        now: clock.now(),
      });
      return evidence;
    },
  );
}
