import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type Actor, SYSTEM_ACTOR } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { sm3Hex } from '../../platform/sm-crypto.ts';
import { open311Clients } from './schema.ts';

export interface Open311ClientView {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const view = (c: typeof open311Clients.$inferSelect): Open311ClientView => ({
  id: c.id,
  name: c.name,
  keyPrefix: c.keyPrefix,
  createdAt: c.createdAt,
  revokedAt: c.revokedAt,
});

/** 32 random bytes as URL-safe text: what a client sends as `api_key`. */
export function newApiKey(): string {
  return randomBytes(32).toString('base64url');
}

export const digestOfKey = (key: string): string => sm3Hex(key.trim());

/** Registers a client; the key is returned this once and only its digest is stored. */
export async function addClient(
  db: DbOrTx,
  actor: Actor | null,
  name: string,
  now: Date,
): Promise<Open311ClientView & { apiKey: string }> {
  const apiKey = newApiKey();
  const [row] = await db
    .insert(open311Clients)
    .values({
      name: name.trim(),
      keyDigest: digestOfKey(apiKey),
      keyPrefix: apiKey.slice(0, 6),
      createdAt: now,
      createdBy: actor?.id ?? null,
    })
    .returning();
  await recordAudit(db, actor ?? SYSTEM_ACTOR, now, {
    action: 'open311.client.add',
    entity: 'open311_client',
    entityId: row!.id,
    after: { name: row!.name, keyPrefix: row!.keyPrefix },
  });
  return { ...view(row!), apiKey };
}

export async function listClients(db: DbOrTx): Promise<Open311ClientView[]> {
  return (await db.select().from(open311Clients).orderBy(asc(open311Clients.id))).map(view);
}

/** A revoked key is refused from then on; the client's past requests stay. */
export async function revokeClient(
  db: DbOrTx,
  actor: Actor,
  id: number,
  now: Date,
): Promise<Open311ClientView> {
  const [row] = await db
    .update(open311Clients)
    .set({ revokedAt: now })
    .where(and(eq(open311Clients.id, id), isNull(open311Clients.revokedAt)))
    .returning();
  if (!row) {
    const [existing] = await db.select().from(open311Clients).where(eq(open311Clients.id, id));
    if (!existing) throw notFound(`Open311 client ${id}`, 'Open311 接入方');
    return view(existing);
  }
  await recordAudit(db, actor, now, {
    action: 'open311.client.revoke',
    entity: 'open311_client',
    entityId: id,
    after: { name: row.name, revokedAt: now },
  });
  return view(row);
}

/** The live client holding this key, or null. */
export async function clientByKey(db: DbOrTx, key: string): Promise<Open311ClientView | null> {
  if (!key.trim()) return null;
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyDigest, digestOfKey(key)), isNull(open311Clients.revokedAt)));
  return row ? view(row) : null;
}
