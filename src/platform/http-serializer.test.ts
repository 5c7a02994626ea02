import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrderDetail } from '../modules/orders/model.ts';
import { compile, serializerCompiler } from './http-serializer.ts';

const viaZod = (schema: z.ZodType, data: unknown) => JSON.stringify(z.encode(schema, data as never));
const route = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'POST', url: '/x', httpStatus: '201' } as never) as (
    data: unknown,
  ) => string;

const at = new Date('2026-12-03T08:00:00.000Z');
/** A fresh order's answer, as presentNewOrder gives it, with its fields in another order than the schema's. */
function newOrderAnswer(): Record<string, unknown> {
  return {
    pauseState: 'none',
    id: 7,
    number: '2026120300007',
    status: 'registered',
    statusLabel: '已登记',
    channel: 'phone',
    type: 'complaint',
    categoryId: null,
    categoryPath: null,
    urgency: 'normal',
    title: '路灯不亮 "7"',
    content: '源汇区人民路7号\n小区门口路灯\\已经一周不亮\u2028。',
    caller: { phone: '138****0007', name: '张先生', masked: true, anonymous: false, callbackWanted: true },
    location: { district: '源汇区', address: null, extra: 'not in the schema' },
    departmentId: null,
    departmentName: null,
    coDepartmentIds: [],
    receivedAt: at,
    responseDueAt: null,
    respondedAt: null,
    timeLimitDays: null,
    handleDueAt: null,
    activeDeadline: { kind: 'handling', dueAt: new Date(at.getTime() + 86_400_000) },
    deadlineState: 'normal',
    dispatchedAt: null,
    repliedAt: null,
    closedAt: null,
    archivedAt: null,
    answer: null,
    answerArticleIds: [3, 1.5, -0],
    reply: null,
    satisfaction: null,
    reopenCount: 0,
    returnCount: 0,
    returnJudgementPending: false,
    extensionPending: false,
    appealStatus: 'none',
    excludedFromAssessment: false,
    mergedIntoId: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    allowedActions: ['dispatch', 'merge'],
    history: [
      {
        id: 9,
        action: 'create',
        at,
        actor: { id: 2, role: 'agent', name: null },
        fromStatus: null,
        toStatus: 'registered',
        note: null,
        data: { channel: 'phone', nested: [1, null, { a: undefined, b: 'x' }], when: at },
        secret: 'dropped',
      },
    ],
    dispatches: [],
    returns: [],
    extensions: [],
    appeals: [],
    callbacks: [],
    supervisions: [],
    coTasks: [],
    pauses: [],
  };
}

describe('the answers serializer', () => {
  it("writes a new order's answer byte for byte as zod's encode and JSON.stringify do", () => {
    const write = compile(OrderDetail);
    expect(write).not.toBeNull();
    const data = newOrderAnswer();
    expect(write!(data)).toBe(viaZod(OrderDetail, data));
    expect(route(OrderDetail)(data)).toBe(viaZod(OrderDetail, data));
  });

  it('leaves out optional keys that are absent or undefined, and unknown values that are undefined', () => {
    const schema = z.object({
      a: z.string().optional(),
      b: z.unknown(),
      c: z.array(z.unknown()),
      d: z.number().nullable().optional(),
      e: z.literal('x'),
    });
    for (const data of [
      { b: undefined, e: 'x', c: [] },
      { a: undefined, b: undefined, c: [undefined, 1], d: null, e: 'x' },
      { a: 'y', b: { z: 1 }, c: ['q'], d: 2, e: 'x' },
    ])
      expect(compile(schema)!(data)).toBe(viaZod(schema, data));
  });

  it('hands a value it doubts to zod, which fails as before', () => {
    const write = route(OrderDetail);
    const wrong = [
      { ...newOrderAnswer(), id: '7' },
      { ...newOrderAnswer(), status: 'no-such-status' },
      { ...newOrderAnswer(), receivedAt: new Date(Number.NaN) },
      { ...newOrderAnswer(), version: Number.POSITIVE_INFINITY },
      { ...newOrderAnswer(), caller: null },
      { ...newOrderAnswer(), history: {} },
      { ...newOrderAnswer(), title: undefined },
      { ...newOrderAnswer(), history: [withoutData()] },
    ];
    const zodWrite = serializerCompilerOfZod(OrderDetail);
    for (const data of wrong) {
      expect(() => zodWrite(data)).toThrow();
      expect(() => write(data)).toThrow(/Response doesn't match the schema/);
    }
  });

  it('keeps zod for schemas with more than plain shapes (checks, unions, transforms, loose objects)', () => {
    expect(compile(z.object({ a: z.string().min(1) }))).toBeNull();
    expect(compile(z.object({ a: z.union([z.string(), z.number()]) }))).toBeNull();
    expect(compile(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
    expect(compile(z.looseObject({ a: z.string() }))).toBeNull();
    expect(compile(z.object({ a: z.number().int() }))).toBeNull();
    expect(compile(z.object({ a: z.string().default('d') }))).toBeNull();
    // …and answers what zod answers for them.
    const checked = z.object({ a: z.string().min(1), b: z.union([z.string(), z.number()]) });
    expect(route(checked)({ b: 2, a: 'x', c: 1 })).toBe(viaZod(checked, { a: 'x', b: 2 }));
  });
});

/** The history row without its `data` key at all (z.unknown(): undefined is fine, an absent key is not). */
function withoutData() {
  const { data: _data, ...rest } = (newOrderAnswer().history as Record<string, unknown>[])[0]!;
  return rest;
}

function serializerCompilerOfZod(schema: z.ZodType) {
  return (data: unknown) => z.encode(schema, data as never);
}
