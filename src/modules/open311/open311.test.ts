import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XmlDocument, type XmlElement } from 'xmldoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createCategory, createDepartment } from '../directory/index.ts';
import { addClient } from './clients.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/open311');
const schemaOf = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const listOf = (name: string) => ajv.compile({ type: 'array', items: schemaOf(name) });
const validate = {
  services: listOf('service.json'),
  requests: listOf('request.json'),
  definition: ajv.compile(schemaOf('service-definition.json')),
};
const valid = (check: ReturnType<typeof ajv.compile>, data: unknown) => {
  const ok = check(data);
  return ok ? 'valid' : JSON.stringify(check.errors);
};

/** Reads a GeoReport XML answer back into the JSON structure (lists by their wrapper names, typed by the schema). */
const LISTS = new Set([
  'services',
  'service_requests',
  'errors',
  'attributes',
  'values',
  'endpoints',
  'formats',
]);
const BOOLEANS = new Set(['metadata', 'variable', 'required']);
const NUMBERS = new Set(['order', 'lat', 'long']);
function fromXml(e: XmlElement, parent = ''): unknown {
  const children = e.children.filter((c): c is XmlElement => c.type === 'element');
  if (LISTS.has(e.name)) return children.map((c) => fromXml(c, e.name));
  if (!children.length) {
    if (e.val === '' && !BOOLEANS.has(e.name)) return null;
    if (BOOLEANS.has(e.name)) return e.val === 'true';
    // An error's code is its HTTP status; an attribute's code is a name.
    if ((NUMBERS.has(e.name) || (e.name === 'code' && parent === 'error')) && e.val !== '')
      return Number(e.val);
    return e.val;
  }
  return Object.fromEntries(children.map((c) => [c.name, fromXml(c, e.name)]));
}
const xmlOf = (body: string) => fromXml(new XmlDocument(body));

let t: TestContext;
let apiKey: string;
let leafCode: string;
let dept: number;

beforeAll(async () => {
  // Tuesday 2025-03-04 09:00 city time.
  t = await createTestContext('2025-03-04T09:00:00+08:00');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('kb', 'kb_editor');
  dept = await t.addDepartment('CG', '市城市管理局', '城管局');
  await t.addUser('cg', 'department', dept);
  const now = t.clock.now();
  await t.db.orm.transaction(async (tx) => {
    await createDepartment(
      tx,
      SYSTEM_ACTOR,
      { code: 'YC', name: '郾城区人民政府', shortName: '郾城区', kind: 'district' },
      now,
    );
    const root = await createCategory(
      tx,
      SYSTEM_ACTOR,
      { code: 'CSGL', name: '城市管理', sortOrder: 1 },
      now,
    );
    const leaf = await createCategory(
      tx,
      SYSTEM_ACTOR,
      {
        code: 'CSGL-LD',
        name: '路灯不亮',
        parentId: root.id,
        departmentId: dept,
        sortOrder: 1,
        keywords: ['路灯', '照明'],
      },
      now,
    );
    leafCode = leaf.code;
  });
  apiKey = (await addClient(t.db.orm, null, '市民随手拍 App', now)).apiKey;
});
afterAll(() => t.close());

const post = (format: 'json' | 'xml', payload: string, type = 'application/x-www-form-urlencoded') =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    payload,
    headers: { 'content-type': type },
  });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const REQUEST = () => ({
  api_key: apiKey,
  service_code: leafCode,
  description: '黄河路与嵩山路交叉口东侧三盏路灯连续一周晚上不亮，行人过马路很危险。',
  address_string: '郾城区黄河路与嵩山路交叉口',
  'attribute[district]': '郾城区',
  first_name: '女士',
  last_name: '王',
  phone: '13912345678',
});

describe('Open311 GeoReport v2: services', () => {
  it('lists the leaf categories as services, valid against the published schema in JSON and XML', async () => {
    const json = await t.app.inject({ url: '/open311/v2/services.json' });
    expect(json.statusCode).toBe(200);
    expect(valid(validate.services, json.json())).toBe('valid');
    expect(json.json()).toEqual([
      expect.objectContaining({
        service_code: 'CSGL-LD',
        service_name: '路灯不亮',
        group: '城市管理',
        keywords: '路灯,照明',
      }),
    ]);
    const xml = await t.app.inject({ url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(valid(validate.services, xmlOf(xml.body))).toBe('valid');
    expect(xmlOf(xml.body)).toEqual(json.json());
  });

  it('defines each service with its attributes (request type, district from the directory)', async () => {
    const res = await t.app.inject({ url: `/open311/v2/services/${leafCode}.json` });
    expect(valid(validate.definition, res.json())).toBe('valid');
    const district = res.json().attributes.find((a: { code: string }) => a.code === 'district');
    expect(district.values).toEqual([{ key: '郾城区', name: '郾城区' }]);
    const xml = await t.app.inject({ url: `/open311/v2/services/${leafCode}.xml` });
    expect(valid(validate.definition, xmlOf(xml.body))).toBe('valid');
    const missing = await t.app.inject({ url: '/open311/v2/services/NOPE.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringContaining('NOPE') }]);
  });
});

describe('Open311 GeoReport v2: requests', () => {
  it('refuses a request without a valid api_key with 403, in the standard error shape', async () => {
    const none = await post('json', form({ ...REQUEST(), api_key: '' }));
    expect(none.statusCode).toBe(403);
    expect(none.json()[0]).toMatchObject({ code: 403, description: expect.stringContaining('api_key') });
    const wrong = await post('xml', form({ ...REQUEST(), api_key: 'not-a-key' }));
    expect(wrong.statusCode).toBe(403);
    expect(xmlOf(wrong.body)).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
  });

  it('names the bad field: unknown service, no location, bad district, NUL, huge text', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...REQUEST(), service_code: 'NOPE' }, 'service_code'],
      [{ ...REQUEST(), address_string: '' }, 'address_string'],
      [{ ...REQUEST(), 'attribute[district]': '火星区' }, 'attribute[district]'],
      [{ ...REQUEST(), description: '路灯\u0000不亮' }, 'description'],
      [{ ...REQUEST(), description: 'x'.repeat(4001) }, 'description'],
      [{ ...REQUEST(), lat: '91', long: '113' }, 'lat'],
      [{ ...REQUEST(), phone: '12345678901234567890123' }, 'phone'],
    ];
    for (const [fields, field] of cases) {
      const res = await post('json', form(fields));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json()[0].description).toContain(field);
    }
  });

  it('creates an online submission in the agents queue; its status follows the order', async () => {
    const created = await post('json', form(REQUEST()));
    expect(created.statusCode, created.body).toBe(201);
    const [{ service_request_id: number, token }] = created.json();
    expect(number).toMatch(/^20250304\d{5}$/);

    // The agents' online queue holds it, with the service as its category and the citizen's data as sent.
    const queue = await t.app.inject({
      url: '/api/orders?status=submitted',
      headers: await t.as('agent'),
    });
    const order = queue.json().items.find((o: { number: string }) => o.number === number);
    expect(order).toMatchObject({ status: 'submitted', channel: 'app' });
    const detail = (
      await t.app.inject({ url: `/api/orders/${order.id}`, headers: await t.as('agent') })
    ).json();
    expect(detail.category?.code ?? detail.categoryId).toBeTruthy();
    expect(detail.caller.phone).toBe('13912345678');
    expect(detail.location.district).toBe('郾城区');
    expect(detail.history[0].data.source).toEqual({ system: 'open311', client: '市民随手拍 App' });

    const byToken = await t.app.inject({ url: `/open311/v2/tokens/${token}.json` });
    expect(byToken.json()).toEqual([{ service_request_id: number, token }]);

    const open = await t.app.inject({ url: `/open311/v2/requests/${number}.json` });
    expect(valid(validate.requests, open.json())).toBe('valid');
    expect(open.json()[0]).toMatchObject({ status: 'open', service_code: 'CSGL-LD', status_notes: '待受理' });
    // Never the caller's name, phone or address.
    expect(open.body).not.toContain('13912345678');
    expect(open.body).not.toContain('王女士');
    expect(open.json()[0].address).toBeNull();

    // Taken in, dispatched, replied, called back: closed, with the department's reply as the notes.
    const agent = await t.as('agent');
    const act = async (who: Record<string, string>, action: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/actions/${action}`,
        headers: who,
        payload,
      });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    };
    await act(agent, 'accept', {});
    await act(agent, 'dispatch', { departmentId: dept });
    const mid = (await t.app.inject({ url: `/open311/v2/requests/${number}.json` })).json()[0];
    expect(mid).toMatchObject({ status: 'open', agency_responsible: '市城市管理局' });
    expect(mid.expected_datetime).toMatch(/\+08:00$/);
    await act(await t.as('cg'), 'reply', { reply: '已派人更换灯泡，三盏路灯已恢复照明。' });
    await act(agent, 'callback', { reached: true, satisfaction: 'satisfied', resolved: true });
    const done = await t.app.inject({ url: `/open311/v2/requests/${number}.xml` });
    const [closed] = xmlOf(done.body) as { status: string; status_notes: string }[];
    expect(valid(validate.requests, xmlOf(done.body))).toBe('valid');
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已派人更换灯泡，三盏路灯已恢复照明。' });
  });

  it('lists requests with the standard filters, only those that came through Open311 by default', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await t.as('agent'),
      payload: { channel: 'phone', type: 'inquiry', content: '电话咨询社保卡补办需要哪些材料' },
    });
    const all = await t.app.inject({ url: '/open311/v2/requests.json' });
    expect(valid(validate.requests, all.json())).toBe('valid');
    expect(all.json().length).toBe(1);
    expect(all.body).not.toContain('社保卡');
    const closed = await t.app.inject({ url: '/open311/v2/requests.json?status=closed' });
    expect(closed.json().length).toBe(1);
    const openOnly = await t.app.inject({ url: '/open311/v2/requests.json?status=open' });
    expect(openOnly.json()).toEqual([]);
    const bad = await t.app.inject({ url: '/open311/v2/requests.json?start_date=2025-02-30T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].description).toContain('start_date');
    const wrongStatus = await t.app.inject({ url: '/open311/v2/requests.json?status=pending' });
    expect(wrongStatus.json()[0].description).toContain('status');
  });

  it('accepts JSON bodies with nested attributes too', async () => {
    const body = { ...REQUEST(), attribute: { district: '郾城区', request_type: 'help' } } as Record<
      string,
      unknown
    >;
    delete body['attribute[district]'];
    const res = await post('json', JSON.stringify(body), 'application/json');
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('Open311 clients', () => {
  it('lets only the office and admin register and revoke clients; a revoked key is refused', async () => {
    expect(
      (await t.app.inject({ url: '/api/open311/clients', headers: await t.as('agent') })).statusCode,
    ).toBe(403);
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/open311/clients',
      headers: await t.as('office'),
      payload: { name: '区政务 App' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const { id, apiKey: key, keyPrefix } = add.json();
    expect(key.startsWith(keyPrefix)).toBe(true);
    const list = await t.app.inject({ url: '/api/open311/clients', headers: await t.as('office') });
    expect(list.body).not.toContain(key);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/open311/clients/${id}/revoke`,
      headers: await t.as('office'),
    });
    expect(revoke.json().revokedAt).not.toBeNull();
    const refused = await post('json', form({ ...REQUEST(), api_key: key }));
    expect(refused.statusCode).toBe(403);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/open311/clients',
      headers: await t.as('office'),
      payload: { name: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('name');
  });
});
