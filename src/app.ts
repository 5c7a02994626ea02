import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { registerCalendarRoutes } from './calendar/index.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import {
  type AppInstance,
  installAuthentication,
  installErrorHandler,
  installInputGuard,
  installRoleGuard,
} from './platform/http.ts';
import { authenticate, registerDirectoryRoutes } from './modules/directory/index.ts';
import {
  DEFAULT_ORDER_SETTINGS,
  type OrderSettings,
  registerAttachmentRoutes,
  registerOrderBriefRoutes,
  registerCoHandlingRoutes,
  registerOrderRoutes,
  registerDisputeRoutes,
  registerStatsRoutes,
} from './modules/orders/index.ts';
import type { RateLimit } from './platform/rate-limit.ts';
import { mountWebConsole } from './platform/web-console.ts';
import { installIdempotency } from './platform/idempotency.ts';
import { serializerCompiler } from './platform/http-serializer.ts';
import { type ApiDocsAccess, installSecurityHeaders } from './platform/security-headers.ts';
import { registerPlatformRoutes } from './platform/platform-routes.ts';
import { registerCallRoutes } from './modules/calls/index.ts';
import { registerKnowledgeRoutes, registerNoticeRoutes } from './modules/knowledge/index.ts';
import { registerTrainingRoutes } from './modules/training/index.ts';
import { registerQualityRoutes, registerReplyQualityRoutes } from './modules/quality/index.ts';
import { registerContractRoutes } from './modules/contracts/index.ts';
import { registerWorkforceRoutes } from './modules/workforce/index.ts';
import { simulatedAnswerRate } from './simulation/what-if.ts';
import { registerTriageRoutes } from './modules/triage/index.ts';
import { registerReportRoutes } from './modules/reports/index.ts';
import { registerNotificationRoutes } from './modules/notifications/index.ts';
import { registerOpen311Routes } from './modules/open311/index.ts';
import { type DemoHealth, HealthAnswer } from './platform/health.ts';
import { enableCaches } from './platform/cache.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  sessionHours?: number;
  orderSettings?: OrderSettings;
  publicSubmitLimit?: RateLimit;
  publicTrackLimit?: RateLimit;
  logger?: boolean;
  /** Serve the built web console at / (default true). */
  webConsole?: boolean;
  /** Client addresses come from X-Forwarded-For when the platform runs behind a proxy. */
  trustProxy?: boolean;
  /** Who may read /docs: signed-in staff (default), anyone, or nobody (HOTLINE_API_DOCS). */
  apiDocs?: ApiDocsAccess;
  /** Where order attachments are kept (beside the data directory); default a directory under the system temp. */
  attachmentsDir?: string;
  /** `serve --demo`: how far the demo city's first-start generation is (reported by GET /api/health). */
  demoStatus?: () => DemoHealth;
}

/** The HTTP application: every module's routes, one error shape, OpenAPI at /docs. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>() as AppInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);
  installRoleGuard(app);
  const { db, clock } = deps;
  // Settings, calendar, departments, categories and sessions are cached in this process, invalidated by NOTIFY.
  const stopCaches = await enableCaches(db);
  app.addHook('onClose', stopCaches);
  await app.register(cookie);
  installAuthentication(app, (token) => authenticate(db.orm, token, clock.now()));
  await installSecurityHeaders(app, deps.apiDocs ?? 'staff');
  installIdempotency(app, { db, clock });

  await app.register(swagger, {
    openapi: {
      info: {
        title: '12345 热线平台 API',
        description: '12345 government-service hotline platform',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/api/health', { schema: { tags: ['platform'], response: { 200: HealthAnswer } } }, async () => {
    await db.orm.execute(sql`select 1`);
    const demo = deps.demoStatus?.();
    return {
      status: 'ok' as const,
      database: db.kind,
      time: clock.now().toISOString(),
      ...(demo && { demo }),
    };
  });

  registerDirectoryRoutes(app, { db, clock, sessionHours: deps.sessionHours ?? 12 });
  registerCalendarRoutes(app, { db, clock });
  registerOrderRoutes(app, {
    db,
    clock,
    settings: deps.orderSettings ?? DEFAULT_ORDER_SETTINGS,
    publicSubmitLimit: deps.publicSubmitLimit ?? { max: 60, windowSeconds: 600 },
    publicTrackLimit: deps.publicTrackLimit ?? { max: 120, windowSeconds: 600 },
  });
  registerAttachmentRoutes(app, {
    db,
    clock,
    attachmentsDir: deps.attachmentsDir ?? path.join(os.tmpdir(), `hotline-attachments-${process.pid}`),
    publicSubmitLimit: deps.publicSubmitLimit ?? { max: 60, windowSeconds: 600 },
  });
  registerOrderBriefRoutes(app, { db });
  registerCoHandlingRoutes(app, { db, clock });
  registerDisputeRoutes(app, { db, clock });
  registerStatsRoutes(app, { db, clock });
  registerPlatformRoutes(app, { db, clock });
  registerCallRoutes(app, { db, clock });
  registerKnowledgeRoutes(app, { db, clock });
  registerNoticeRoutes(app, { db, clock });
  registerTrainingRoutes(app, { db, clock });
  registerQualityRoutes(app, { db, clock });
  registerReplyQualityRoutes(app, { db, clock });
  registerContractRoutes(app, { db, clock });
  // The edge passes the call simulator in: modules do not import src/simulation.
  registerWorkforceRoutes(app, { db, clock, simulateAnswerRate: simulatedAnswerRate });
  registerTriageRoutes(app, { db, clock });
  registerReportRoutes(app, { db, clock });
  registerNotificationRoutes(app, { db, clock });
  registerOpen311Routes(app, { db, clock });
  if (deps.webConsole !== false) await mountWebConsole(app);
  return app;
}
