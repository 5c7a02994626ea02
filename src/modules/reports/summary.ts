import { num, pct, secs } from './labels.ts';
import type { MonthlyReport } from './model.ts';
import { ratio } from './monthly-figures.ts';

/** 环比 — "上升 12.5%", "下降 3.0%", "持平", or nothing to compare with. */
export function changeText(now: number, before: number): string {
  if (before === 0) return now === 0 ? '持平' : '上月无数据，无法环比';
  const d = (now - before) / before;
  if (Math.abs(d) < 0.0005) return '持平';
  return `${d > 0 ? '上升' : '下降'} ${(Math.abs(d) * 100).toFixed(1)}%`;
}

function callsSentence(r: MonthlyReport): string {
  const t = r.calls.totals;
  if (t.offered === 0) return `${r.month} 月无进入人工队列的呼叫记录。`;
  return (
    `本月进入人工队列呼叫 ${num(t.offered)} 个，人工接听 ${num(t.answered)} 个，人工接通率 ${pct(t.answerRate)}；` +
    `15 秒内接听 ${num(t.answeredWithin15s)} 个（${pct(t.answeredWithin15sRate)}），平均应答时长 ${secs(t.asaSeconds)}，` +
    `放弃 ${num(t.abandoned)} 个（放弃率 ${pct(ratio(t.abandoned, t.offered - t.waiting))}）。`
  );
}

function busiestText(r: MonthlyReport): string | null {
  const busiest = [...r.calls.days].sort((a, b) => b.offered - a.offered)[0];
  const peak = [...r.calls.slots].sort((a, b) => b.offered - a.offered)[0];
  if (!busiest || !peak || peak.offered === 0) return null;
  return `呼入最多的一天为 ${busiest.date}（${num(busiest.offered)} 个），一天中呼入最集中的时段为 ${peak.slot} 起的半小时（全月合计 ${num(peak.offered)} 个）。`;
}

function ordersSentence(r: MonthlyReport): string {
  const o = r.orders;
  if (o.total === 0) return '本月未受理工单。';
  const first = (rows: { label: string; count: number }[]) =>
    rows[0] ? `${rows[0].label}（${num(rows[0].count)} 件，${pct(rows[0].count / o.total, 1)}）` : '—';
  return (
    `本月受理工单 ${num(o.total)} 件，环比${changeText(o.total, o.previousTotal)}（上月 ${num(o.previousTotal)} 件）；` +
    `渠道以${first(o.byChannel)}为主，类型以${first(o.byType)}为主，诉求最多的领域为${first(o.byCategory)}。`
  );
}

function mattersSentence(r: MonthlyReport): string | null {
  const rising = r.topMatters
    .filter((m) => m.count > m.previous && m.previous > 0)
    .sort((a, b) => b.count / b.previous - a.count / a.previous)[0];
  const top = r.topMatters[0];
  if (!top) return null;
  const parts = [
    `反映最多的事项为“${top.name}”（${num(top.count)} 件，环比${changeText(top.count, top.previous)}）`,
  ];
  if (rising && rising.categoryId !== top.categoryId)
    parts.push(`增幅最大的为“${rising.name}”（${num(rising.previous)} → ${num(rising.count)} 件）`);
  return `${parts.join('；')}。`;
}

function handlingSentence(r: MonthlyReport): string | null {
  const h = r.handling.totals;
  if (h.received === 0 && h.due === 0) return null;
  return (
    `本月交办 ${num(h.received)} 件，到期 ${num(h.due)} 件中按时办结 ${num(h.handledOnTime)} 件（${pct(ratio(h.handledOnTime, h.due))}），` +
    `超期 ${num(h.overdue)} 件；退回 ${num(h.returned)} 件，其中认定为派单错误 ${num(h.returnedOperatorFault)} 件、` +
    `待认定 ${num(h.returnedUnjudged)} 件；申请延期 ${num(h.extensions)} 件，批准 ${num(h.extensionsApproved)} 件。`
  );
}

/**
 * 是否解决 — what the citizens reached said of their matter: solved or not, and the share solved of those asked
 * (callbacks where it was not asked count in neither).
 */
export function resolvedSentence(c: MonthlyReport['callbacks']): string {
  const asked = c.resolved + c.unresolved;
  if (asked === 0) return '是否解决：本月回访未记录。';
  return `是否解决：已解决 ${num(c.resolved)} 次，未解决 ${num(c.unresolved)} 次（解决率 ${pct(ratio(c.resolved, asked))}）。`;
}

function callbackSentence(r: MonthlyReport): string | null {
  const c = r.callbacks;
  if (c.attempts === 0) return null;
  const rated = c.satisfied + c.basicallySatisfied + c.unsatisfied;
  const asked = c.resolved + c.unresolved;
  return (
    `回访 ${num(c.attempts)} 次，回访成功 ${num(c.reached)} 次；评价办理结果 ${num(rated)} 次，满意 ${num(c.satisfied)}、` +
    `基本满意 ${num(c.basicallySatisfied)}、不满意 ${num(c.unsatisfied)}（满意及基本满意 ${pct(ratio(c.satisfied + c.basicallySatisfied, rated))}），重办 ${num(c.reopened)} 件` +
    (asked ? `；市民表示问题已解决 ${num(c.resolved)} 次（解决率 ${pct(ratio(c.resolved, asked))}）。` : '。')
  );
}

function indicatorSentence(r: MonthlyReport): string {
  if (!r.contract) return '本月无在履行的运营服务合同，不列合同考核指标。';
  const measured = r.indicators.filter((i) => i.value != null);
  const missed = measured.filter((i) => !i.met);
  const base = `按《${r.contract.name}》，${r.indicators.length} 项考核指标中本月可计量 ${measured.length} 项`;
  if (!missed.length) return `${base}，均达标。`;
  return `${base}，未达标 ${missed.length} 项：${missed.map((i) => `${i.name}（${pct(i.value)}）`).join('、')}。`;
}

/** 总体情况 — the summary's sentences, each built only from the model's figures. */
export function summariseMonth(r: MonthlyReport): string[] {
  return [
    callsSentence(r),
    busiestText(r),
    ordersSentence(r),
    mattersSentence(r),
    r.hotTopics.length
      ? `本月确认热点问题 ${r.hotTopics.length} 个：${r.hotTopics.map((h) => h.title).join('、')}。`
      : null,
    handlingSentence(r),
    callbackSentence(r),
    indicatorSentence(r),
  ].filter((s): s is string => s != null);
}
