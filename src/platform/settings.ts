import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { cached, invalidate } from './cache.ts';
import { notFound, validationFailed } from './errors.ts';
import { settings } from './schema.ts';

/**
 * A named setting: a rule a city may set differently, or the reading of an ambiguous contract clause. The
 * default lives in code with the source it reads; a stored value overrides it. Every change is audited.
 */
export interface SettingDefinition<T> {
  key: string;
  default: T;
  schema: z.ZodType<T>;
  description: string;
  descriptionZh: string;
  /** The contract article, standard or law the setting reads. */
  source: string;
}

const registry = new Map<string, SettingDefinition<unknown>>();

export function defineSetting<T>(def: SettingDefinition<T>): SettingDefinition<T> {
  registry.set(def.key, def as SettingDefinition<unknown>);
  return def;
}

export function settingDefinitions(): SettingDefinition<unknown>[] {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Every stored setting (a few dozen rows), cached in process; writes announce themselves (platform/cache.ts). */
function storedSettings(db: DbOrTx): Promise<Map<string, unknown>> {
  return cached(db, 'settings', async () => {
    const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
    return new Map(rows.map((r) => [r.key, r.value]));
  });
}

export async function readSetting<T>(db: DbOrTx, def: SettingDefinition<T>): Promise<T> {
  const stored = await storedSettings(db);
  if (!stored.has(def.key)) return def.default;
  const parsed = def.schema.safeParse(stored.get(def.key));
  // A stored value that no longer fits the definition (a release changed it) falls back to the default.
  return parsed.success ? parsed.data : def.default;
}

/**
 * The values parsed from one load of the stored settings, per definition: the session check reads two settings
 * on every request, and the load is cached until a write announces a change (then a new load, a new entry), so
 * each stored value is parsed once per change instead of once per request (issue 18). Read-only values.
 */
const parsedOf = new WeakMap<Map<string, unknown>, Map<SettingDefinition<unknown>, unknown>>();

/** Several settings in one query, keyed by their keys. */
export async function readSettingsOf(
  db: DbOrTx,
  defs: SettingDefinition<unknown>[],
): Promise<Record<string, unknown>> {
  const stored = await storedSettings(db);
  let parsed = parsedOf.get(stored);
  if (!parsed) parsedOf.set(stored, (parsed = new Map()));
  const out: Record<string, unknown> = {};
  for (const d of defs) {
    if (!parsed.has(d)) {
      const p = stored.has(d.key) ? d.schema.safeParse(stored.get(d.key)) : null;
      parsed.set(d, p?.success ? p.data : d.default);
    }
    out[d.key] = parsed.get(d);
  }
  return out;
}

export async function writeSetting(db: DbOrTx, actor: Actor, key: string, value: unknown, now: Date) {
  const def = registry.get(key);
  if (!def) throw notFound(`Setting ${key}`, `设置项 ${key} `);
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((i) => ({ field: ['value', ...i.path].join('.'), message: i.message })),
    );
  }
  const [before] = await db.select().from(settings).where(eq(settings.key, key));
  await db
    .insert(settings)
    .values({ key, value: parsed.data as object, updatedBy: actor.id, updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: parsed.data as object, updatedBy: actor.id, updatedAt: now },
    });
  await invalidate(db, 'settings');
  await recordAudit(db, actor, now, {
    action: 'set',
    entity: 'setting',
    entityId: key,
    before: before?.value,
    after: parsed.data,
  });
  return parsed.data;
}
