import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createArticle, transitionArticle, updateArticle } from './articles-service.ts';
import { CreateArticleInput, SEARCH_TEXT_MAX, UpdateArticleInput } from './model.ts';
import { addKbUsers } from './test-fixtures.ts';

let t: TestContext;
const ids: Record<string, number> = {};

async function add(title: string, content: string, categoryPath: string) {
  const a = await t.db.orm.transaction((tx) =>
    createArticle(
      tx,
      SYSTEM_ACTOR,
      CreateArticleInput.parse({ title, content, categoryPath, status: 'published' }),
      t.clock.now(),
    ),
  );
  ids[title] = a.id;
}

beforeAll(async () => {
  t = await createTestContext('2026-03-03T10:00:00+08:00');
  await addKbUsers(t);
  await add(
    '城市道路路灯报修',
    '道路路灯不亮、损坏的，可拨打城建热线或向城管部门报修，一般3日内修复。',
    '城乡建设/市政设施',
  );
  await add(
    '社会保障卡补办',
    '社会保障卡（社保卡）遗失或损坏的，可持身份证到人社服务大厅补办，当场制卡。',
    '劳动和社会保障/社保卡',
  );
  await add(
    '出生医学证明补办',
    '出生医学证明遗失的，由出具的助产机构补发，需携带父母身份证。',
    '卫生计生/妇幼保健',
  );
  await add('校园安全管理规定', '学校应当建立校园安全制度，防范学生伤害事故。', '教育文体/校园安全');
  await add('药品安全投诉', '发现假劣药品的，可向市场监管部门投诉举报。', '卫生计生/药品安全');
});
afterAll(() => t.close());

type Answer = { results: { id: number; title: string; snippet: string; score: number }[] };

async function get(q: string): Promise<Answer> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/kb/search?q=${encodeURIComponent(q)}`,
    headers: await t.as('agent'),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function post(body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/api/kb/search',
    headers: await t.as('agent'),
    payload: body as object,
  });
}

describe('search in a citizen’s own words', () => {
  it('finds unsegmented and partly written queries (路灯不亮, 灯不亮)', async () => {
    for (const q of ['路灯不亮', '灯不亮', '路灯 不亮', '我家门口的路灯坏了好几天不亮']) {
      expect((await get(q)).results[0]?.title, q).toBe('城市道路路灯报修');
    }
  });

  it('puts the 社保卡 article first for 社保卡补办, not another 补办', async () => {
    const r = await get('社保卡补办');
    expect(r.results[0]!.title).toBe('社会保障卡补办');
  });

  it('never answers nothing for a single character that occurs in the base', async () => {
    expect((await get('灯')).results.map((r) => r.title)).toContain('城市道路路灯报修');
  });

  it('answers POST exactly as GET', async () => {
    for (const q of ['路灯不亮', '社保卡补办']) {
      const res = await post({ q, limit: 3 });
      expect(res.statusCode, res.body).toBe(200);
      const viaGet = await t.app.inject({
        method: 'GET',
        url: `/api/kb/search?q=${encodeURIComponent(q)}&limit=3`,
        headers: await t.as('agent'),
      });
      expect(res.json()).toEqual(viaGet.json());
      expect(Object.keys(res.json().results[0]).sort()).toEqual(
        ['categoryPath', 'expired', 'id', 'issuer', 'kind', 'score', 'snippet', 'title', 'updatedAt'].sort(),
      );
    }
  });

  it('takes a whole message of any length by POST (a 2,620-character one, 1 MB)', async () => {
    const message = `市民来电反映：家门口的路灯不亮已经一周，晚上出行很不方便。${'情况说明。'.repeat(520)}`;
    expect([...message].length).toBeGreaterThan(2600);
    const long = await post({ q: message });
    expect(long.statusCode, long.body).toBe(200);
    expect(long.json().results[0].title).toBe('城市道路路灯报修');
    const mega = await post({ q: `路灯不亮${'很'.repeat(350_000)}` });
    expect(mega.statusCode, mega.body.slice(0, 200)).toBe(200);
    expect(mega.json().results[0].title).toBe('城市道路路灯报修');
  });

  it('refuses an empty text or one over the documented limit naming q, never a 5xx', async () => {
    for (const q of ['', '   ', 'x'.repeat(SEARCH_TEXT_MAX + 1)]) {
      const res = await post({ q });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('q');
    }
    // A NUL is refused like everywhere on the platform (security issue), naming the field.
    const odd = await post({ q: '路灯\u0000不亮\u0000', limit: 5, includeExpired: true });
    expect(odd.statusCode, odd.body).toBe(400);
    expect(odd.json().error.fields[0].field).toBe('q');
    expect((await post({ q: '路灯', limit: 2 ** 31 })).statusCode).toBe(400);
  });

  it('sees an edit, a new article and a retirement on the next search', async () => {
    await t.db.orm.transaction((tx) =>
      updateArticle(
        tx,
        SYSTEM_ACTOR,
        ids['药品安全投诉']!,
        UpdateArticleInput.parse({ content: '井盖缺失的，向市政部门报告。' }),
        t.clock.now(),
      ),
    );
    expect((await get('井盖缺失')).results[0]!.title).toBe('药品安全投诉');
    await add(
      '井盖缺失处置',
      '窨井盖缺失、破损的，可向市政设施管理处报告，井盖缺失须当日处置。',
      '城乡建设/市政设施',
    );
    expect((await get('井盖缺失')).results[0]!.title).toBe('井盖缺失处置');
    await t.db.orm.transaction((tx) =>
      transitionArticle(tx, SYSTEM_ACTOR, ids['井盖缺失处置']!, 'retire', undefined, t.clock.now()),
    );
    expect((await get('井盖缺失')).results.map((r) => r.title)).not.toContain('井盖缺失处置');
  });
});

describe('feedback on results', () => {
  it('records useful / not useful and shows the failing articles to the editors only', async () => {
    const id = ids['校园安全管理规定']!;
    const mark = async (useful: boolean, extra: object = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/kb/articles/${id}/feedback`,
        headers: await t.as('agent'),
        payload: { useful, query: '路灯不亮', ...extra },
      });
    expect((await mark(false)).statusCode).toBe(201);
    expect((await mark(false)).statusCode).toBe(201);
    expect((await mark(true)).statusCode).toBe(201);
    expect((await mark(true, { orderId: 2 ** 31 })).json().error.fields[0].field).toBe('orderId');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/kb/articles/999999/feedback',
      headers: await t.as('agent'),
      payload: { useful: false },
    });
    expect(unknown.statusCode).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/kb/feedback/failing',
      headers: await t.as('editor'),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0]).toEqual({
      id,
      title: '校园安全管理规定',
      useful: 1,
      notUseful: 2,
      recentQueries: ['路灯不亮', '路灯不亮'],
    });
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/kb/feedback/failing',
      headers: await t.as('agent'),
    });
    expect(denied.statusCode).toBe(403);
  });
});
