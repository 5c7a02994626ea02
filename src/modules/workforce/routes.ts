import type { AppInstance } from '../../platform/http.ts';
import { registerAgreementRoutes } from './agreement-routes.ts';
import { registerEvidenceRoutes } from './evidence-routes.ts';
import { registerRosterRoutes } from './roster-routes.ts';
import type { WorkforceDeps } from './route-helpers.ts';

/** Everything under /api/workforce: the roster, absences, agreed changes, replacement requests, evidence. */
export function registerWorkforceRoutes(app: AppInstance, deps: WorkforceDeps): void {
  registerRosterRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerEvidenceRoutes(app, deps);
}
