/**
 * The practical ceiling for order intake on this machine: a minimal Fastify + pg endpoint doing the same work as
 * `POST /api/orders` — the bearer session check (one query per request) and, in one statement, the day's next
 * gapless number, the order and its history row — with no validation library, no sealing, no ORM. Started by
 * bench/intake.ts in its own process: `tsx bench/minimal-intake-server.ts <port>` with DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

app.get('/api/health', async () => ({ ok: true }));

app.post('/api/orders', async (req, reply) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const hash = createHash('sha256').update(token).digest('hex');
  const now = new Date();
  const s = await pool.query({
    name: 'session',
    text: `select u.id, u.role from sessions s join users u on u.id = s.user_id
           where s.token_hash = $1 and s.expires_at > $2 and s.revoked_at is null and u.active`,
    values: [hash, now],
  });
  const user = s.rows[0] as { id: number; role: string } | undefined;
  if (!user) return reply.code(401).send({ error: 'unauthenticated' });
  const b = req.body as {
    channel: string;
    type: string;
    title: string;
    content: string;
    urgency: string;
    caller: { name: string; phone: string; callbackWanted: boolean };
    location: { district: string; address: string };
  };
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const r = await pool.query({
    name: 'intake',
    text: `with n as (
        insert into order_number_counters (day, last) values ($1, 1)
        on conflict (day) do update set last = order_number_counters.last + 1 returning last
      ), o as (
        insert into orders (number, channel, type, urgency, title, content, caller_name, caller_phone,
          callback_wanted, district, address, status, received_at, created_by, created_at, updated_at)
        select replace($1::text, '-', '') || lpad(n.last::text, 5, '0'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
          'registered', $12, $13, $12, $12 from n
        returning *
      ), e as (
        insert into order_events (order_id, action, actor_id, actor_role, at, to_status, data)
        select o.id, 'create', $13, $14, $12, 'registered', jsonb_build_object('channel', $2::text) from o
        returning id
      )
      select o.*, e.id as event_id from o, e`,
    values: [
      day,
      b.channel,
      b.type,
      b.urgency,
      b.title,
      b.content,
      b.caller.name,
      b.caller.phone,
      b.caller.callbackWanted,
      b.location.district,
      b.location.address,
      now,
      user.id,
      user.role,
    ],
  });
  return reply.code(201).send(r.rows[0]);
});

await app.listen({ port: Number(process.argv[2] ?? 3191), host: '127.0.0.1' });
