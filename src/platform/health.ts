import { z } from 'zod';

/** GET /api/health: the database answers; with `serve --demo`, how far the demo city is (示例数据生成中). */
export const HealthAnswer = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
  demo: z
    .object({
      state: z.enum(['seeding', 'ready', 'failed']),
      percent: z.number().int().min(0).max(100),
      /** The step being written (src/demo/progress.ts), null when finished. */
      step: z.string().nullable(),
    })
    .optional(),
});
export type DemoHealth = NonNullable<z.infer<typeof HealthAnswer>['demo']>;
