import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../platform/actor.ts';
import {
  maskAddress,
  maskName,
  maskPhone,
  NEED_TO_KNOW,
  reveal,
  type PersonalField,
} from '../platform/need-to-know.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from './test-app.ts';
import { operationsOf, type JsonSchema, type Operation } from './openapi-arbitraries.ts';

/**
 * The access matrix: every operation of the OpenAPI document called as every role and anonymously, each answer
 * checked against the need-to-know table (platform/need-to-know.ts): a role never receives a caller's personal
 * field in a form the table gives it in no view — neither full when it may see at most masked, nor even masked
 * when it may see none — whatever the endpoint (lists, details, searches, exports, action answers).
 */
const CALLER = { name: '钱淑芬', phone: '13912345678', address: '漯河市源汇区人民路88号3单元' };
const CALL_NUMBER = '13987654321';

let ctx: TestContext;
let operations: Operation[];
const headers: Partial<Record<Role | 'anonymous', Record<string, string>>> = { anonymous: {} };
let checked = 0;

/** A new session for a role. Some operations, called with the sample id 1, end a user's sessions (an admin's
 * second-factor reset, a forced password expiry): the matrix signs that role in again and goes on. */
async function signInAgain(role: Role): Promise<void> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: `am_${role}`, password: TEST_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  headers[role] = { authorization: `Bearer ${res.json().token as string}` };
}

beforeAll(async () => {
  ctx = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  const dept = await ctx.addDepartment('AM01', '矩阵测试局');
  for (const role of ROLES) await ctx.addUser(`am_${role}`, role, role === 'department' ? dept : undefined);
  for (const role of ROLES) headers[role] = await ctx.as(`am_${role}`);
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: headers.agent,
    payload: {
      channel: 'phone',
      type: 'help',
      content: '路灯不亮',
      caller: { name: CALLER.name, phone: CALLER.phone },
      location: { district: '源汇区', address: CALLER.address },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const ev = await ctx.app.inject({
    method: 'POST',
    url: '/api/calls/events',
    headers: headers.switch,
    payload: { type: 'offered', callId: 'AM1', at: '2025-03-03T09:00:00+08:00', callerNumber: CALL_NUMBER },
  });
  expect(ev.statusCode, ev.body).toBeLessThan(300);
  operations = operationsOf(
    (await ctx.app.inject({ method: 'GET', url: '/docs/json', headers: headers.admin })).json(),
  );
}, 180_000);
afterAll(() => ctx.close());

/** A deterministic value fitting the schema, enough to get past validation on most operations. */
function sample(s: JsonSchema | undefined, name = ''): unknown {
  if (!s) return null;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt[0], name);
  if (s.type === 'integer' || s.type === 'number') return Math.max(1, s.minimum ?? 1);
  if (s.type === 'boolean') return false;
  if (s.type === 'array') return [];
  if (s.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of s.required ?? []) out[k] = sample(s.properties?.[k], k);
    return out;
  }
  if (s.format === 'date-time' || /at$|from|to$|day|date/i.test(name)) return '2025-03-03';
  return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
}

function requestFor(op: Operation) {
  let url = op.path;
  for (const p of op.parameters.filter((p) => p.in === 'path'))
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(sample(p.schema, p.name))));
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`);
  if (query.length) url += `?${query.join('&')}`;
  return { method: op.method as 'GET', url, payload: op.body ? (sample(op.body) as object) : undefined };
}

/** The most a role may ever see of a field, over every view of the table. */
function widest(role: Role, field: PersonalField): 'full' | 'masked' | 'none' {
  const seen = Object.values(NEED_TO_KNOW[role]).map((v) => v[field]);
  return seen.includes('full') ? 'full' : seen.includes('masked') ? 'masked' : 'none';
}

const FORMS: [PersonalField, string, string][] = [
  ['name', CALLER.name, maskName(CALLER.name)!],
  ['phone', CALLER.phone, maskPhone(CALLER.phone)!],
  ['phone', CALL_NUMBER, maskPhone(CALL_NUMBER)!],
  ['address', CALLER.address, maskAddress(CALLER.address)!],
];

function leaks(role: Role | 'anonymous', body: string): string[] {
  const found: string[] = [];
  for (const [field, full, masked] of FORMS) {
    const may = role === 'anonymous' ? 'none' : widest(role, field);
    if (may !== 'full' && body.includes(full)) found.push(`${field} in full`);
    if (may === 'none' && body.includes(masked)) found.push(`${field} masked`);
  }
  return found;
}

// Open311 is an open standard: reading needs no sign-in, creating needs a client's api_key (403 without).
const PUBLIC = /^\/(api\/(public\/|health$|auth\/(login|password)$)|open311\/)/;

describe('access matrix: every operation × every role against the need-to-know table', () => {
  it(
    'leaks no personal field beyond the table, answers 401 to strangers and never 5xx',
    { timeout: 240_000 },
    async () => {
      const problems: string[] = [];
      const who = [...ROLES, 'anonymous'] as const;
      for (const op of operations.filter((o) => o.path !== '/api/auth/logout')) {
        const req = requestFor(op);
        for (const role of who) {
          let res = await ctx.app.inject({ ...req, headers: headers[role] });
          if (role !== 'anonymous' && res.statusCode === 401) {
            await signInAgain(role);
            res = await ctx.app.inject({ ...req, headers: headers[role] });
          }
          checked++;
          const where = `${role} ${op.method} ${op.path} → ${res.statusCode}`;
          if (res.statusCode >= 500) problems.push(`${where} ${res.body.slice(0, 200)}`);
          if (role === 'anonymous' && !PUBLIC.test(op.path) && res.statusCode !== 401)
            problems.push(`${where} (want 401)`);
          for (const leak of leaks(role, res.body)) problems.push(`${where}: ${leak}`);
        }
      }
      console.log(
        `access matrix: ${operations.length - 1} operations × ${who.length} callers = ${checked} calls`,
      );
      expect(problems).toEqual([]);
    },
  );

  it('shows the caller in lists and details exactly as the table says, role by role', async () => {
    for (const role of ROLES) await signInAgain(role);
    for (const role of ROLES) {
      const list = await ctx.app.inject({ method: 'GET', url: '/api/orders', headers: headers[role] });
      if (list.statusCode === 200) {
        const mine = list.json().items.find((o: { id: number }) => o.id === 1);
        if (mine) {
          expect(mine.caller.phone, role).toBe(reveal({ role }, 'order.list', 'phone', CALLER.phone));
          expect(mine.caller.name, role).toBe(reveal({ role }, 'order.list', 'name', CALLER.name));
          expect(mine.location.address, role).toBe(reveal({ role }, 'order.list', 'address', CALLER.address));
        }
      }
      const detail = await ctx.app.inject({ method: 'GET', url: '/api/orders/1', headers: headers[role] });
      if (detail.statusCode === 200) {
        expect(detail.json().caller.phone, role).toBe(
          reveal({ role }, 'order.detail', 'phone', CALLER.phone),
        );
        expect(detail.json().location.address, role).toBe(
          reveal({ role }, 'order.detail', 'address', CALLER.address),
        );
      }
    }
  });

  it('lets only roles that may see callers look them up by number', async () => {
    for (const role of ROLES) await signInAgain(role);
    for (const role of ROLES) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/orders?callerPhone=${CALLER.phone}`,
        headers: headers[role],
      });
      const may = NEED_TO_KNOW[role]['order.detail'].phone !== 'none';
      expect(res.statusCode, `${role}: ${res.body}`).toBe(may ? 200 : 403);
    }
  });
});
