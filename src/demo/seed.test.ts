import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createTestDb } from '../testing/test-db.ts';
import { seedDemo } from './seed.ts';

let db: Db;
let result: Awaited<ReturnType<typeof seedDemo>>;
const NOW = new Date('2026-03-16T10:00:00+08:00');

beforeAll(async () => {
  db = await createTestDb();
  result = await seedDemo(db, NOW, { orders: 120, seed: 7, callDays: 1 });
}, 240_000);
afterAll(() => db.close());

describe('demo city', () => {
  it('has 30+ departments, 60+ catalogue leaves and users of every role', async () => {
    expect(result.departments).toBeGreaterThanOrEqual(30);
    const [leaves] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int n from categories c where not exists (select 1 from categories k where k.parent_id = c.id)`,
    );
    expect(leaves!.n).toBeGreaterThanOrEqual(60);
    const roles = await queryRows<{ role: string }>(
      db.orm,
      sql`select distinct role from users order by role`,
    );
    expect(roles.map((r) => r.role)).toEqual([
      'admin',
      'agent',
      'department',
      'kb_editor',
      'office',
      'team_lead',
    ]);
  });

  it('generates orders whose status is exactly what their history says, over the last 90 days', async () => {
    expect(result.stats.orders).toBe(120);
    const mismatched = await queryRows<{ number: string }>(
      db.orm,
      sql`select o.number from orders o
          join lateral (select to_status from order_events e where e.order_id = o.id order by e.id desc limit 1) last on true
          where last.to_status <> o.status`,
    );
    expect(mismatched).toEqual([]);
    const [span] = await queryRows<{ oldest: Date; newest: Date; rest: number }>(
      db.orm,
      sql`select min(received_at) oldest, max(received_at) newest,
            count(*) filter (where extract(isodow from received_at at time zone 'Asia/Shanghai') in (6, 7))::int rest
          from orders`,
    );
    expect(new Date(span!.oldest).getTime()).toBeGreaterThan(NOW.getTime() - 91 * 86_400_000);
    expect(new Date(span!.newest).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(span!.rest).toBeGreaterThan(0);
    const statuses = await queryRows<{ status: string }>(db.orm, sql`select distinct status from orders`);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    // 是否解决 is recorded at every callback that reached the citizen, so the reports total it.
    const [asked] = await queryRows<{ solved: number; unasked: number }>(
      db.orm,
      sql`select count(*) filter (where resolved is not null)::int solved,
            count(*) filter (where reached and resolved is null)::int unasked from order_callbacks`,
    );
    expect(asked!.unasked).toBe(0);
    expect(asked!.solved).toBeGreaterThan(0);
  });

  it('seeds the operator’s side: the roster, a searchable knowledge base, notices, standards, tasks, a QA sheet', async () => {
    const [n] = await queryRows<{
      roster: number;
      articles: number;
      notices: number;
      open: number;
      standards: number;
      tasks: number;
      sheets: number;
    }>(
      db.orm,
      sql`select (select count(*)::int from roster_members) roster,
            (select count(*)::int from kb_articles where status = 'published') articles,
            (select count(*)::int from kb_notices) notices,
            (select count(*)::int from kb_notices where status <> 'done') open,
            (select count(*)::int from operating_standards) standards,
            (select count(*)::int from assistance_tasks) tasks,
            (select count(*)::int from qa_sheets) sheets`,
    );
    expect(n).toMatchObject({ roster: 45, notices: 2, open: 1, standards: 3, tasks: 2, sheets: 1 });
    expect(n!.articles).toBeGreaterThan(300);
    const { searchArticles } = await import('../modules/knowledge/index.ts');
    const found = await searchArticles(db.orm, '物业', { limit: 3 }, NOW);
    expect(found.results.length).toBeGreaterThan(0);
  });

  it('has a demo contract whose term covers today, with this month’s figures on at least 6 indicators', async () => {
    expect(result.contract).toMatchObject({
      id: 'demo-2026',
      term: { from: '2026-02-01', to: '2027-02-01' },
    });
    const { assessContract, listReports } = await import('../modules/contracts/index.ts');
    const reports = await listReports(db.orm, 'demo-2026');
    const february = reports.find((r) => r.period === '2026-02')!;
    expect(february.deliveredAt!.getTime()).toBeLessThanOrEqual(february.dueAt.getTime());
    expect(february.checkedAt).not.toBeNull();
    expect(reports.find((r) => r.period === '2026-03')!.deliveredAt).toBeNull();
    const { resolveAsOf } = await import('../modules/contracts/index.ts');
    const march = await assessContract(db.orm, 'demo-2026', '2026-03', resolveAsOf(undefined, NOW));
    const withData = march.indicators.filter((i) => i.denominator > 0).map((i) => i.no);
    expect(withData.length).toBeGreaterThanOrEqual(6);
  });
});
