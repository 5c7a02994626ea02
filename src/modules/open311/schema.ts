import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../directory/schema.ts';
import { orders } from '../orders/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A system allowed to submit requests through Open311 GeoReport v2 (a city app, a district's portal). Its
 * `api_key` is shown once; only its SM3 digest is kept, so a stolen database does not hand out keys.
 */
export const open311Clients = pgTable('open311_clients', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** SM3 of the key, hex. */
  keyDigest: text('key_digest').notNull().unique(),
  /** The key's first characters, so the office can tell keys apart without seeing them. */
  keyPrefix: text('key_prefix').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  revokedAt: ts('revoked_at'),
});

/** Each request an Open311 client created: which order it became and the token the client may look it up by. */
export const open311Submissions = pgTable(
  'open311_submissions',
  {
    id: serial('id').primaryKey(),
    clientId: integer('client_id')
      .notNull()
      .references(() => open311Clients.id),
    orderId: integer('order_id')
      .notNull()
      .unique()
      .references(() => orders.id),
    token: text('token').notNull().unique(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('open311_submissions_created_idx').on(t.createdAt)],
);
