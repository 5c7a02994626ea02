import type { AppInstance } from '../../platform/http.ts';
import { registerAgreementRoutes } from './agreement-routes.ts';
import { registerAttendanceRoutes } from './attendance-routes.ts';
import { registerEvidenceRoutes } from './evidence-routes.ts';
import { registerPlanRoutes } from './plan-routes.ts';
import { registerRosterRoutes } from './roster-routes.ts';
import type { WorkforceDeps } from './route-helpers.ts';

/** Everything under /api/workforce: the roster, absences, agreed changes, replacement requests, evidence,
 * rotas, attendance. */
export function registerWorkforceRoutes(app: AppInstance, deps: WorkforceDeps): void {
  registerRosterRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerEvidenceRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerAttendanceRoutes(app, deps);
}
