import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { createOrder } from './intake-service.ts';
import { listOrders, SEARCH_COUNT_CAP } from './query-service.ts';
import { searchIsExact, searchLexemes, searchQueryText, segmentUnsearchableOrders } from './search-text.ts';

let db: Db;
const OFFICE: Actor = { id: null, username: 'o', displayName: '办', role: 'office', departmentId: null };
const now = new Date('2025-03-03T02:00:00Z');
const order = (content: string) =>
  createOrder(
    db.orm,
    OFFICE,
    {
      channel: 'phone',
      type: 'complaint',
      urgency: 'normal',
      content,
      caller: { anonymous: false, callbackWanted: false },
      location: {},
    } as never,
    now,
  );
const search = async (q: string) =>
  (
    await listOrders(db.orm, OFFICE, { q, page: 1, pageSize: 50, sort: '-receivedAt' } as never, now, 3)
  ).items.map((i) => i.content);

beforeAll(async () => {
  db = await createTestDb();
  await order('小区门口路灯不亮，夜间出行不便');
  await order('楼下烧烤店夜间噪音扰民');
  await order('人民路路灯杆倾斜');
}, 300_000);
afterAll(() => db?.close());

describe('order text search by words', () => {
  it('cuts text into words and two-character pieces, and queries every word', () => {
    expect(searchLexemes('', '路灯不亮')).toEqual(expect.arrayContaining(['路灯', '灯不', '不亮', '路']));
    expect(searchLexemes('ＡＢ', '')).toEqual(['ab']);
    expect(searchQueryText('路灯 噪音')).toBe("'路灯' & '噪音'");
    expect(searchQueryText('路灯不亮')).toBe("'路灯' & '灯不' & '不亮'");
    expect(searchQueryText('号')).toBe("'号'");
    expect(searchQueryText('，。！')).toBeNull();
    // One or two Chinese characters are a lexeme themselves: the index answers without rechecking the text.
    expect([searchIsExact('路灯'), searchIsExact('扰'), searchIsExact('路灯不亮')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([searchIsExact('路灯 噪音'), searchIsExact('a路'), searchIsExact('%')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('finds two-character words (路灯, 噪音) through the index', async () => {
    expect((await search('路灯')).sort()).toEqual(['人民路路灯杆倾斜', '小区门口路灯不亮，夜间出行不便']);
    expect(await search('噪音')).toEqual(['楼下烧烤店夜间噪音扰民']);
    expect(await search('路灯 噪音')).toEqual([]);
    expect(await search('灯不亮')).toEqual(['小区门口路灯不亮，夜间出行不便']);
    expect(await search('扰')).toEqual(['楼下烧烤店夜间噪音扰民']);
    // Quotes, backslashes and tsquery operators are text, not syntax.
    expect(await search("路灯' & !\\:*|")).toEqual([]);
    // Punctuation only: no word, the old scan answers (nothing matches).
    expect(await search('%')).toEqual([]);
  });

  it('still finds orders written without search words, and cuts them on the next sweep', async () => {
    await db.orm.execute(sql`update orders set search_tokens = null where content like '楼下%'`);
    expect(await search('噪音')).toEqual(['楼下烧烤店夜间噪音扰民']);
    expect(await segmentUnsearchableOrders(db.orm)).toBe(1);
    expect(await segmentUnsearchableOrders(db.orm)).toBe(0);
    expect(await search('噪音')).toEqual(['楼下烧烤店夜间噪音扰民']);
  });

  it("counts a search's matches up to 1,000 and says when there are more (issue 18)", async () => {
    const list = (q: Record<string, unknown>) =>
      listOrders(db.orm, OFFICE, { page: 1, pageSize: 50, sort: '-receivedAt', ...q } as never, now, 3);
    await order('公交站台顶棚损坏');
    expect(await list({ q: '公交' })).toMatchObject({ total: 1, totalCapped: false });
    await db.orm.execute(sql`insert into orders (number, channel, type, title, content, status, received_at,
        created_at, updated_at, search_tokens)
      select 'S' || g, o.channel, o.type, o.title, o.content, o.status, o.received_at - make_interval(secs => g),
        o.created_at, o.updated_at, o.search_tokens
      from orders o, generate_series(1, ${SEARCH_COUNT_CAP}) g where o.content like '公交%'`);
    const capped = await list({ q: '公交' });
    expect(capped).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(capped.items).toHaveLength(50);
    // Every page up to the cap is there; a list without text search counts exactly.
    expect((await list({ q: '公交', page: SEARCH_COUNT_CAP / 50 })).items).toHaveLength(50);
    const all = await list({});
    expect(all.total).toBe(SEARCH_COUNT_CAP + 4);
    expect(all).not.toHaveProperty('totalCapped');
    await db.orm.execute(sql`delete from orders where number like 'S%'`);
    expect(await list({ q: '公交' })).toMatchObject({ total: 1, totalCapped: false });
  });
});
