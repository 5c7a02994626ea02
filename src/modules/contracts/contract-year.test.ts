/**
 * A whole Luohe contract year, end to end through the API: a smaller city's simulated calls for the twelve
 * months, online and phone orders, knowledge notices, a hot topic with its training, the monthly reports, an
 * operating standard, assistance tasks, a public-opinion incident and the roster — with known failures put in:
 *
 *   - the team in place on 2025-11-21, the last day of the start-up period (art. 1.4)  → C1 nothing
 *   - March 2026: one knowledge update published 30 hours after the notice (KPI 9)  → C2 −1 %
 *   - May 2026: twenty agents gone for nine days without consent (art. 7.2)          → C3 −20 %
 *   - C3 (May–Jul 2026): one assistance task never finished (KPI 10)                → C3 −1 %
 *   - June 2026: one serious public-opinion incident caused by an agent (KPI 6)     → C3 −1 %
 *     C3's 22 % exceeds its 20 % base: payable 0, the rest carried to C4 (art. 2.5)
 *   - August 2026: two agents gone for three weeks without consent (art. 7.2)       → C4 −2 %
 *   - the October 2026 report, due 2026-11-06 after the term, judged in C4 (12/12)
 *
 * and the four quarterly statements as of 2026-11-10 checked against the same sums done by hand here, with a
 * statement as of a day inside C3 that does not see what came after it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.ts';
import { writeSimulation } from '../../simulation/write-simulation.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { seedDemoRoster } from '../../demo/roster.ts';
import { resolveAsOf } from './as-of.ts';
import { countsOfIndicator, summarizeIndicator } from './assessment.ts';
import { syncRepositoryContracts } from './contracts-service.ts';
import { assessContract, assessmentAnswer, drillDownPath } from './overview.ts';
import { addMonths } from './schedule.ts';

let t: TestContext;
const at = (local: string) => new Date(`${local}+08:00`);
const MONTHS = Array.from({ length: 12 }, (_, i) => addMonths('2025-11-01', i).slice(0, 7));
const TOTAL = 327_828_964;
/** 1 % of the contract total, rounded half up to the fen (schedule.ts bpOf). */
const ONE_PERCENT = Math.floor(TOTAL / 100 + 0.5);
const BASES = [131_131_585, 65_565_793, 65_565_793, 65_565_793];

async function call(user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, payload, headers: await t.as(user) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext('2025-11-01T08:00:00+08:00');
  // A small city's traffic (≈ 30 calls on an ordinary day) for the whole term; calls only, the orders below.
  await writeSimulation(t.db, {
    from: at('2025-11-01T00:00:00'),
    to: at('2026-11-01T00:00:00'),
    agents: 45,
    seed: 3,
    now: at('2026-11-01T00:00:00'),
    withOrders: false,
    parameters: { traffic: { baseDailyCalls: 30 }, online: { perDay: 0 }, surges: { perYear: 0 } },
  });
  await t.addUser('office1', 'office');
  // Signs in only after the term, for the statements (office1's session, opened in November 2025, expires).
  await t.addUser('office2', 'office');
  await t.addUser('lead1', 'team_lead');
  await t.addUser('editor1', 'kb_editor');
  await t.addUser('intake1', 'agent');
  // The team is complete on the last day of the start-up period (signed 2025-11-06 + 15 days, art. 1.4).
  await seedDemoRoster(t.db.orm, { start: '2025-11-21', agreed: 45, now: t.clock.now() });
  await syncRepositoryContracts(t.db.orm, t.clock.now());
}, 600_000);
afterAll(() => t.close());

describe('a Luohe contract year with known failures', () => {
  it('runs the year: orders, notices, training, reports, standards, tasks, an incident and the roster', async () => {
    const departmentId = (
      await queryRows<{ id: number }>(t.db.orm, sql`select id from departments order by id limit 1`)
    )[0]!.id;
    const [article] = await Promise.all([
      (async () => {
        t.clock.set('2025-11-01T09:00:00+08:00');
        const a = await call('editor1', 'POST', '/api/kb/articles', {
          categoryPath: '社会保障/医疗保险',
          title: '城乡居民医保缴费标准',
          content: '个人缴费标准为每人每年380元。',
          issuer: '市医疗保障局',
          kind: '办事指南',
        });
        await call('editor1', 'POST', `/api/kb/articles/${a.id}/publish`, {});
        return a as { id: number };
      })(),
    ]);

    for (const [i, month] of MONTHS.entries()) {
      // An online request taken in within the hour, and a phone inquiry answered on the call.
      t.clock.set(`${month}-05T10:00:00+08:00`);
      const online = await call('intake1', 'POST', '/api/orders', {
        channel: 'web',
        type: 'inquiry',
        content: `网上咨询第${i + 1}件：医保缴费时间`,
        caller: { phone: `1380000${String(i).padStart(4, '0')}` },
      });
      t.clock.set(`${month}-05T11:00:00+08:00`);
      if (online.status === 'submitted')
        await call('intake1', 'POST', `/api/orders/${online.id}/actions/accept`, {});
      const phone = await call('intake1', 'POST', '/api/orders', {
        channel: 'phone',
        type: 'inquiry',
        content: `来电咨询第${i + 1}件：公交卡办理`,
        caller: { phone: `1390000${String(i).padStart(4, '0')}` },
      });
      await call('intake1', 'POST', `/api/orders/${phone.id}/actions/close-direct`, {
        answer: '持身份证到公交集团营业厅办理。',
      });

      // The month's knowledge notice: published six hours after receipt — except March 2026, thirty hours.
      const late = month === '2026-03';
      t.clock.set(`${month}-10T09:00:00+08:00`);
      const notice = await call('office1', 'POST', '/api/kb/notices', {
        receivedAt: `${month}-10T09:00:00+08:00`,
        source: '市医疗保障局',
        title: `${month} 医保政策更新`,
        requiredChange: '更新缴费标准',
        articleIds: [article.id],
      });
      t.clock.set(late ? `${month}-11T15:00:00+08:00` : `${month}-10T15:00:00+08:00`);
      await call('editor1', 'PATCH', `/api/kb/articles/${article.id}`, {
        content: `个人缴费标准为每人每年${381 + i}元。`,
      });
      await call('editor1', 'POST', `/api/kb/notices/${notice.id}/complete`, { note: '已更新' });
    }

    // Each contract quarter the office hands over a task, due mid-quarter; C3's is never finished.
    for (const [q, due] of ['2025-12-15', '2026-03-15', '2026-06-15', '2026-09-15'].entries()) {
      t.clock.set(`${due.slice(0, 8)}01T09:00:00+08:00`);
      const task = await call('office1', 'POST', '/api/quality/tasks', {
        title: `第${q + 1}季度协助督办`,
        description: '核查超期工单的办理情况',
        dueOn: due,
      });
      if (q === 2) continue;
      t.clock.set(`${due.slice(0, 8)}10T17:00:00+08:00`);
      await call('lead1', 'POST', `/api/quality/tasks/${task.id}/complete`, { result: '已核查' });
    }

    // A hot topic in January, every frontline agent trained the same afternoon.
    t.clock.set('2026-01-12T09:00:00+08:00');
    const topic = await call('lead1', 'POST', '/api/hot-topics', {
      title: '冬季供暖不热',
      keywords: ['供暖'],
    });
    const confirmed = await call('office1', 'POST', `/api/hot-topics/${topic.id}/confirm`, {
      brief: '热力公司统一答复口径',
    });
    t.clock.set('2026-01-12T17:00:00+08:00');
    await call('lead1', 'POST', '/api/training/sessions', {
      title: '供暖问题口径培训',
      hotTopicId: topic.id,
      heldAt: '2026-01-12T16:00:00+08:00',
      attendeeIds: confirmed.trainees.map((x: { agentId: number }) => x.agentId),
    });

    // The operating standard planned for March, written in time.
    const standard = await call('office1', 'POST', '/api/standards', {
      code: 'OPS-01',
      title: '话务受理规范',
      plannedOn: '2026-03-31',
    });
    t.clock.set('2026-03-20T10:00:00+08:00');
    await call('lead1', 'POST', `/api/standards/${standard.id}/complete`, { completedOn: '2026-03-20' });

    // One serious incident caused by an agent's attitude, in June.
    t.clock.set('2026-06-21T10:00:00+08:00');
    const incident = await call('office1', 'POST', '/api/quality/incidents', {
      occurredOn: '2026-06-20',
      source: '漯河日报',
      cause: '话务员态度生硬被市民投诉至媒体',
      severity: 'serious',
    });
    await call('office1', 'POST', `/api/quality/incidents/${incident.id}/decide`, {
      serious: true,
      causedByService: true,
    });

    // Twenty agents leave on 10 May; their successors start on 20 May: 9 days twenty short, no consent.
    type Member = { id: number; role: string; endDate: string | null };
    t.clock.set('2026-05-01T09:00:00+08:00');
    let members = (await call('lead1', 'GET', '/api/workforce/members')).items as Member[];
    for (const m of members.filter((x) => x.role === 'agent' && !x.endDate).slice(0, 20)) {
      await call('lead1', 'POST', `/api/workforce/members/${m.id}/end`, {
        endDate: '2026-05-10',
        endReason: 'resigned',
      });
    }
    t.clock.set('2026-05-20T09:00:00+08:00');
    for (let i = 0; i < 20; i++)
      await call('lead1', 'POST', '/api/workforce/members', {
        name: `五月新人${i + 1}`,
        role: 'agent',
        startDate: '2026-05-20',
      });

    // Two agents leave on 2 August; their successors start on 24 August: 21 days two short, no consent.
    t.clock.set('2026-08-01T09:00:00+08:00');
    members = (await call('lead1', 'GET', '/api/workforce/members')).items as Member[];
    for (const m of members.filter((x) => x.role === 'agent' && !x.endDate).slice(-2)) {
      await call('lead1', 'POST', `/api/workforce/members/${m.id}/end`, {
        endDate: '2026-08-02',
        endReason: 'resigned',
      });
    }
    t.clock.set('2026-08-24T09:00:00+08:00');
    for (const name of ['新人甲', '新人乙'])
      await call('lead1', 'POST', '/api/workforce/members', { name, role: 'agent', startDate: '2026-08-24' });

    // The monthly analysis reports, each delivered complete a day before it is due.
    const reports = (await call('office1', 'GET', '/api/contracts/luohe-2025/reports')).items as {
      id: number;
      dueAt: string;
    }[];
    expect(reports).toHaveLength(12);
    for (const r of reports) {
      const deliveredAt = new Date(new Date(r.dueAt).getTime() - 86_400_000);
      t.clock.set(deliveredAt.toISOString());
      await call('office1', 'POST', `/api/contracts/reports/${r.id}/delivery`, {
        deliveredAt: deliveredAt.toISOString(),
        complete: true,
      });
    }
    expect(departmentId).toBeGreaterThan(0);
  }, 600_000);

  it('settles the four quarters as of 2026-11-10 exactly as computed by hand', async () => {
    t.clock.set('2026-11-20T10:00:00+08:00');
    // The yearly figures by hand, from the records themselves.
    const [c] = await queryRows<{ offered: number; answered: number; rated: number; satisfied: number }>(
      t.db.orm,
      sql`select count(*)::int offered, count(answered_at)::int answered,
            count(ivr_rating)::int rated, count(*) filter (where ivr_rating >= 4)::int satisfied
          from calls where offered_at >= ${at('2025-11-01T00:00:00')} and offered_at < ${at('2026-11-01T00:00:00')}`,
    );
    const answerRate = c!.answered / c!.offered;
    const satisfaction = c!.satisfied / c!.rated;
    const yearly = [
      ...(answerRate >= 0.96 ? [] : ['answer_rate']),
      ...(satisfaction >= 0.9 ? [] : ['satisfaction']),
    ];

    // Each quarter's deductions by hand: 1 % = 3,278,290 fen; a person short = 1 %.
    const expected: [string, number][][] = [
      [],
      [['kb_update_timeliness', ONE_PERCENT]],
      [
        ['assistance_completion', ONE_PERCENT],
        ['serious_incidents', ONE_PERCENT],
        ['headcount', 20 * ONE_PERCENT],
      ],
      [...yearly.map((id) => [id, ONE_PERCENT] as [string, number]), ['headcount', 2 * ONE_PERCENT]],
    ];
    const deducted = expected.map((q) => q.reduce((sum, [, fen]) => sum + fen, 0));
    // C3: 22 % of the total (72,122,380) against a base of 65,565,793: nothing paid, 6,556,587 carried to C4.
    expect(deducted[2]).toBe(72_122_380);
    const carriedToC4 = deducted[2]! - BASES[2]!;
    expect(carriedToC4).toBe(6_556_587);
    const hand = [
      { carriedInFen: 0, payableFen: BASES[0]!, carriedOutFen: 0 },
      { carriedInFen: 0, payableFen: BASES[1]! - ONE_PERCENT, carriedOutFen: 0 },
      { carriedInFen: 0, payableFen: 0, carriedOutFen: carriedToC4 },
      { carriedInFen: carriedToC4, payableFen: BASES[3]! - deducted[3]! - carriedToC4, carriedOutFen: 0 },
    ];
    expect(hand.map((h) => h.payableFen).slice(0, 3)).toEqual([131_131_585, 62_287_503, 0]);
    const statements = [];
    for (const q of [1, 2, 3, 4]) {
      const s = (await call('office2', 'GET', `/api/contracts/luohe-2025/settlements/${q}?asOf=2026-11-10`))
        .current;
      statements.push(s);
      const got = (s.deductions as { kind: string; indicatorId?: string; amountFen: number }[])
        .map((d) => [d.kind === 'headcount' ? 'headcount' : d.indicatorId!, d.amountFen] as [string, number])
        .sort();
      expect(got, `C${q}`).toEqual([...expected[q - 1]!].sort());
      expect(s, `C${q}`).toMatchObject({
        asOf: '2026-11-10',
        baseFen: BASES[q - 1],
        deductedFen: deducted[q - 1],
        ...hand[q - 1],
        provisional: false,
        warnings: [],
      });
    }
    // The last remainder is nil here, so the bond is returnable whole (the drawing is tested in carry.test.ts).
    expect(statements[3].bond).toMatchObject({
      amountFen: 16_391_448,
      drawnFen: 0,
      returnableFen: 16_391_448,
    });
    expect(statements.reduce((sum, s) => sum + s.baseFen, 0)).toBe(TOTAL);
    expect(statements.map((s) => [s.dueFrom, s.dueTo])).toEqual([
      ['2026-02-01', '2026-02-10'],
      ['2026-05-01', '2026-05-11'],
      ['2026-08-01', '2026-08-10'],
      ['2026-11-01', '2026-11-10'],
    ]);
    // Every deduction says which reading decided it.
    for (const s of statements) for (const d of s.deductions) expect(d.reading).toMatch(/=/);
    const c2 = statements[1]!.deductions[0];
    expect(c2.reasonZh).toContain('2026-03');
    const c3 = statements[2]!.deductions.find((d: { kind: string }) => d.kind === 'headcount');
    expect(c3.evidence).toMatchObject({ persons: 20, from: '2026-05-11', to: '2026-05-19', days: 9 });
    const c4 = statements[3]!.deductions.find((d: { kind: string }) => d.kind === 'headcount');
    expect(c4.evidence).toMatchObject({ persons: 2, from: '2026-08-03', to: '2026-08-23', days: 21 });
    // The KPI-moving settings are on the statement.
    expect(statements[0].settings.map((x: { key: string }) => x.key)).toEqual(
      expect.arrayContaining([
        'quality.basicallySatisfiedCounts',
        'quality.callbackExhaustedCounts',
        'quality.ivrSatisfiedMinRating',
      ]),
    );
    console.log(
      statements
        .map(
          (s) =>
            `C${s.quarter} base ${s.baseFen} − ${s.deductions.map((d: { reasonZh: string; amountFen: number }) => `${d.amountFen} ${d.reasonZh}`).join('; ') || 'none'}${s.carriedInFen ? ` − carried ${s.carriedInFen}` : ''} = payable ${s.payableFen}${s.carriedOutFen ? `, carried on ${s.carriedOutFen}` : ''}; window ${s.dueFrom}..${s.dueTo}`,
        )
        .join('\n'),
    );
  }, 300_000);

  it('judges the October report, due after the term, in C4 and the term: 12 of 12', async () => {
    const term = await call(
      'office2',
      'GET',
      '/api/contracts/luohe-2025/assessment?period=term&asOf=2026-11-10',
    );
    const reports = term.indicators.find((i: { id: string }) => i.id === 'reports_on_time');
    expect(reports).toMatchObject({ numerator: 12, denominator: 12, met: true, statusZh: '达标' });
    expect(reports.valueZh).toBe('100%（12/12）');
    // As of 2026-11-05 the October report is not yet due: the term is provisional, 11 of 11 judged.
    const early = await call(
      'office2',
      'GET',
      '/api/contracts/luohe-2025/assessment?period=term&asOf=2026-11-04',
    );
    expect(early.provisional).toBe(true);
    expect(early.indicators.find((i: { id: string }) => i.id === 'reports_on_time')).toMatchObject({
      numerator: 11,
      denominator: 11,
    });
  }, 300_000);

  it('as of 2026-06-10 sees May’s shortfall but not June’s incident or the task not yet due', async () => {
    const s = (await call('office2', 'GET', '/api/contracts/luohe-2025/settlements/3?asOf=2026-06-10'))
      .current;
    expect(s.provisional).toBe(true);
    expect(s.deductions.map((d: { kind: string; bp: number }) => [d.kind, d.bp])).toEqual([
      ['headcount', 2000],
    ]);
    // 20 × 3,278,290 = 65,565,800 against 65,565,793: nothing payable, 7 fen carried.
    expect(s).toMatchObject({ payableFen: 0, carriedOutFen: 7 });
  }, 300_000);

  it('freezes a confirmed statement and shows a later change as a difference', async () => {
    const confirmed = await call('office2', 'POST', '/api/contracts/luohe-2025/settlements/1/confirm', {
      note: '第一季度考核确认',
    });
    expect(confirmed).toBeTruthy();
    // Read the day it was confirmed: nothing differs. (Read as of another day, the dated obligations — payroll
    // months falling due, the bond — can differ, and rightly show as changed inputs.)
    let s = await call('office2', 'GET', '/api/contracts/luohe-2025/settlements/1');
    expect(s.difference).toBeNull();
    expect(s.confirmed.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    // A serious incident in December recorded only now: the confirmed figures stay, the difference shows.
    const late = await call('office2', 'POST', '/api/quality/incidents', {
      occurredOn: '2025-12-20',
      source: '网络论坛',
      cause: '迟报的事件',
      severity: 'serious',
    });
    await call('office2', 'POST', `/api/quality/incidents/${late.id}/decide`, {
      serious: true,
      causedByService: true,
    });
    s = await call('office2', 'GET', '/api/contracts/luohe-2025/settlements/1?asOf=2026-11-20');
    expect(s.confirmed.statement.payableFen).toBe(BASES[0]);
    expect(s.difference).toMatchObject({
      outputsChanged: true,
      payableFen: { confirmed: BASES[0], now: BASES[0]! - ONE_PERCENT, delta: -ONE_PERCENT },
    });
  }, 300_000);

  it('answers every indicator counted in SQL exactly as measured with its records (issue 18)', async () => {
    t.clock.set('2026-11-20T10:00:00+08:00');
    const cases: [string, string][] = [
      ['term', '2026-11-10'],
      ['term', '2026-11-04'],
      ['C1', '2026-11-10'],
      ['C3', '2026-06-10'],
      ['2026-05', '2026-11-10'],
      ['2026-06', '2026-06-20'],
      ['2026-03', '2026-11-10'],
    ];
    for (const [period, day] of cases) {
      const asOf = resolveAsOf(day, t.clock.now());
      const records = await assessContract(t.db.orm, 'luohe-2025', period, asOf);
      const answer = await assessmentAnswer(t.db.orm, 'luohe-2025', period, asOf);
      expect(records.indicators).toHaveLength(12);
      // Byte for byte, key order included: the figures are checked from outside on their exact JSON.
      expect(JSON.stringify(answer)).toBe(
        JSON.stringify({
          ...records,
          indicators: records.indicators.map((i) =>
            summarizeIndicator(countsOfIndicator(i), drillDownPath('luohe-2025', i.id, period, asOf)),
          ),
        }),
      );
    }
  }, 300_000);
});
