import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { registerCalendarRoutes } from './calendar/index.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import { type AppInstance, installAuthentication, installErrorHandler } from './platform/http.ts';
import { authenticate, registerDirectoryRoutes } from './modules/directory/index.ts';
import {
  DEFAULT_ORDER_SETTINGS,
  type OrderSettings,
  registerOrderRoutes,
  registerStatsRoutes,
} from './modules/orders/index.ts';
import type { RateLimit } from './platform/rate-limit.ts';
import { mountWebConsole } from './platform/web-console.ts';
import { registerPlatformRoutes } from './platform/platform-routes.ts';
import { registerCallRoutes } from './modules/calls/index.ts';
import { registerKnowledgeRoutes } from './modules/knowledge/routes.ts';
import { registerNoticeRoutes } from './modules/knowledge/notices-routes.ts';
import { registerTrainingRoutes } from './modules/training/routes.ts';
import { registerQualityRoutes } from './modules/quality/index.ts';
import { registerContractRoutes } from './modules/contracts/routes.ts';
import { registerWorkforceRoutes } from './modules/workforce/routes.ts';
import { registerTriageRoutes } from './modules/triage/routes.ts';

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

  const { db, clock } = deps;
  installAuthentication(app, (token) => authenticate(db.orm, token, clock.now()));

  app.get('/api/health', { schema: { tags: ['platform'] } }, async () => {
    await db.orm.execute(sql`select 1`);
    return { status: 'ok', database: db.kind, time: clock.now().toISOString() };
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
  registerStatsRoutes(app, { db, clock });
  registerPlatformRoutes(app, { db, clock });
  registerCallRoutes(app, { db, clock });
  registerKnowledgeRoutes(app, { db, clock });
  registerNoticeRoutes(app, { db, clock });
  registerTrainingRoutes(app, { db, clock });
  registerQualityRoutes(app, { db, clock });
  registerContractRoutes(app, { db, clock });
  registerWorkforceRoutes(app, { db, clock });
  registerTriageRoutes(app, { db, clock });
  if (deps.webConsole !== false) await mountWebConsole(app);
  return app;
}
