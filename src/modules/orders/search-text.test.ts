import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { createOrder } from './intake-service.ts';
import { listOrders } from './query-service.ts';
import { searchLexemes, searchQueryText, segmentUnsearchableOrders } from './search-text.ts';

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
});
