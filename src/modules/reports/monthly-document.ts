import { cityMinute } from './labels.ts';
import type { Chart } from './charts.ts';
import type { Block, DocSection, ReportDocument, TableBlock } from './document.ts';
import { MONTHLY_SECTIONS, type MonthlySectionId, num, pct } from './labels.ts';
import type { MonthlyReport } from './model.ts';
import { ratio } from './monthly-figures.ts';
import { changeText, resolvedSentence } from './summary.ts';

const text = (t: string): Block => ({ kind: 'text', text: t });

function countTable(
  title: string,
  sheet: string,
  head: string,
  rows: { label: string; count: number }[],
  total: number,
): TableBlock {
  return {
    kind: 'table',
    title,
    sheet,
    columns: [{ title: head }, { title: '件数', format: 'int' }, { title: '占比', format: 'pct' }],
    rows: rows.map((r) => [r.label, r.count, ratio(r.count, total)]),
  };
}

function callsSection(r: MonthlyReport, chart: (id: string) => Block[]): Block[] {
  const t = r.calls.totals;
  const m = r.calls.missedCallbacks;
  return [
    text(
      `进入人工队列 ${num(t.offered)} 个，接听 ${num(t.answered)} 个，人工接通率 ${pct(t.answerRate)}，15 秒接通率 ${pct(t.answeredWithin15sRate)}，` +
        `平均应答时长（ASA）${t.asaSeconds ?? '—'} 秒，平均通话时长 ${t.ahtSeconds ?? '—'} 秒，放弃 ${num(t.abandoned)} 个（其中来电方挂机 ${num(t.abandonedByCaller)} 个，放弃率 ${pct(ratio(t.abandoned, t.offered - t.waiting))}）。` +
        `漏接回拨任务 ${num(m.missed)} 个，已回拨 ${num(m.done)} 个（在时限内处理 ${num(m.doneInTime)} 个），无法接通 ${num(m.unreachable)} 个，未完成 ${num(m.open)} 个。`,
    ),
    ...chart('daily-calls'),
    {
      kind: 'table',
      title: '每日话务',
      sheet: '每日话务',
      columns: [
        { title: '日期' },
        { title: '呼入', format: 'int' },
        { title: '接听', format: 'int' },
        { title: '放弃', format: 'int' },
        { title: '接通率', format: 'pct' },
        { title: '15秒接通率', format: 'pct' },
        { title: 'ASA(秒)', format: 'dec1' },
      ],
      rows: r.calls.days.map((d) => [
        d.date,
        d.offered,
        d.answered,
        d.abandoned,
        d.answerRate,
        d.answeredWithin15sRate,
        d.asaSeconds,
      ]),
    },
    ...chart('half-hour-calls'),
    {
      kind: 'table',
      title: '分时段话务（半小时，全月合计）',
      sheet: '分时段话务',
      columns: [
        { title: '时段' },
        { title: '呼入', format: 'int' },
        { title: '接听', format: 'int' },
        { title: '15秒内接听', format: 'int' },
        { title: '接通率', format: 'pct' },
      ],
      rows: r.calls.slots.map((s) => [s.slot, s.offered, s.answered, s.answeredWithin15s, s.answerRate]),
    },
  ];
}

function handlingBlocks(r: MonthlyReport): Block[] {
  const h = r.handling.totals;
  return [
    text(
      `交办 ${num(h.received)} 件，${r.settings.signWithinHours} 小时内签收 ${num(h.signedOnTime)} 件；本月到期 ${num(h.due)} 件，按时办结 ${num(h.handledOnTime)} 件，按时办结率 ${pct(ratio(h.handledOnTime, h.due))}，超期 ${num(h.overdue)} 件。` +
        `退回 ${num(h.returned)} 件：认定为话务派单错误 ${num(h.returnedOperatorFault)} 件，非派单错误 ${num(h.returnedNotOperatorFault)} 件，待认定 ${num(h.returnedUnjudged)} 件。` +
        `申请延期 ${num(h.extensions)} 件，批准 ${num(h.extensionsApproved)} 件，不批准 ${num(h.extensionsRejected)} 件。`,
    ),
    {
      kind: 'table',
      title: '各承办单位交办办理情况',
      sheet: '承办单位',
      columns: [
        { title: '承办单位' },
        { title: '交办', format: 'int' },
        { title: '按时签收', format: 'int' },
        { title: '到期', format: 'int' },
        { title: '按时办结', format: 'int' },
        { title: '超期', format: 'int' },
        { title: '退回', format: 'int' },
        { title: '派单错误', format: 'int' },
        { title: '延期', format: 'int' },
      ],
      rows: r.handling.departments.map((d) => [
        d.name,
        d.received,
        d.signedOnTime,
        d.due,
        d.handledOnTime,
        d.overdue,
        d.returned,
        d.returnedOperatorFault,
        d.extensions,
      ]),
    },
  ];
}

function indicatorBlocks(r: MonthlyReport): Block[] {
  if (!r.contract) return [text('考核合同：无（本月无在履行的运营服务合同）。')];
  return [
    text(
      `考核合同：${r.contract.name}（${r.contract.id} 第 ${r.contract.version} 版）。考核期为年度、季度的指标此处列本月数据，仅供参考。`,
    ),
    {
      kind: 'table',
      title: '合同考核指标',
      sheet: '考核指标',
      columns: [
        { title: '序号', format: 'int' },
        { title: '指标' },
        { title: '分子', format: 'int' },
        { title: '分母', format: 'int' },
        { title: '本月值', format: 'pct' },
        { title: '目标' },
        { title: '结果' },
      ],
      rows: r.indicators.map((i) => [
        i.no,
        i.name,
        i.numerator,
        i.denominator,
        i.id === 'serious_incidents' ? null : i.value,
        `${i.comparator === '>=' ? '≥' : '≤'}${i.id === 'serious_incidents' ? i.target : pct(i.target, 2)}`,
        i.value == null ? '无数据' : `${i.met ? '达标' : '未达标'}${i.provisional ? '（未结束）' : ''}`,
      ]),
    },
  ];
}

/** The monthly report laid out as the document the three writers render. */
export function monthlyDocument(r: MonthlyReport, charts: Chart[], issuer: string): ReportDocument {
  const chart = (id: string): Block[] =>
    charts.filter((c) => c.id === id).map((c) => ({ kind: 'chart', title: c.title, png: c.png }));
  const o = r.orders;
  const body: Record<MonthlySectionId, Block[]> = {
    summary: r.summary.map(text),
    calls: callsSection(r, chart),
    intake: [
      text(
        `受理工单 ${num(o.total)} 件，上月 ${num(o.previousTotal)} 件，环比${changeText(o.total, o.previousTotal)}。`,
      ),
      ...chart('channels'),
      countTable('按受理渠道', '渠道', '渠道', o.byChannel, o.total),
      countTable('按诉求类型', '类型', '类型', o.byType, o.total),
      ...chart('categories'),
      countTable('按诉求领域', '领域', '领域', o.byCategory, o.total),
      countTable('按区县', '区县', '区县', o.byDistrict, o.total),
    ],
    matters: [
      {
        kind: 'table',
        title: '反映最多的事项（前 10）',
        sheet: '热点事项',
        columns: [
          { title: '事项' },
          { title: '本月', format: 'int' },
          { title: '上月', format: 'int' },
          { title: '环比' },
        ],
        rows: r.topMatters.map((m) => [m.name, m.count, m.previous, changeText(m.count, m.previous)]),
      },
    ],
    hotTopics: r.hotTopics.length
      ? r.hotTopics.map((h, i) =>
          text(
            `${i + 1}. ${h.title}${h.district ? `（${h.district}）` : ''}：涉及工单 ${h.orders} 件。${h.brief ?? ''}`,
          ),
        )
      : [text('本月无经确认的热点问题。')],
    handling: handlingBlocks(r),
    callbacks: [
      text(
        `回访 ${num(r.callbacks.attempts)} 次，回访成功 ${num(r.callbacks.reached)} 次（${num(r.callbacks.ordersReached)} 件工单）；` +
          `办理结果评价：满意 ${num(r.callbacks.satisfied)}，基本满意 ${num(r.callbacks.basicallySatisfied)}，不满意 ${num(r.callbacks.unsatisfied)}；重办 ${num(r.callbacks.reopened)} 件。`,
      ),
      text(resolvedSentence(r.callbacks)),
    ],
    indicators: indicatorBlocks(r),
  };
  const sections: DocSection[] = MONTHLY_SECTIONS.map((s) => ({ title: s.title, blocks: body[s.id] }));
  const [y, m] = r.month.split('-');
  return {
    title: `12345政务服务便民热线${y}年${Number(m)}月常规业务数据分析`,
    meta: [issuer, `统计期间：${r.from} 至 ${r.to}（不含）`, `生成时间：${cityMinute(r.generatedAt)}`],
    sections,
    fileName: `monthly-${r.month}`,
  };
}
