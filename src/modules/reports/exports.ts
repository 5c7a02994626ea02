import type ExcelJS from 'exceljs';
import type { MetricsResult } from '../calls/index.ts';
import type { IndicatorResult } from '../contracts/index.ts';
import type { ListOrdersQuery, listOrders, ordersForDrillDown, overviewStats } from '../orders/index.ts';
import { CHANNEL_LABELS, STATUS_LABELS, TYPE_LABELS } from './labels.ts';
import { addCoverSheet, addExportSheet, type ExportColumn, newWorkbook } from './xlsx-export.ts';

type OrderRow = Awaited<ReturnType<typeof listOrders>>['items'][number];

/** An order list export is streamed, but still bounded: past this, narrow the filters. */
export const ORDER_EXPORT_MAX_ROWS = 200_000;

const URGENCY_LABELS: Record<string, string> = { normal: '一般', urgent: '紧急', critical: '特急' };
const SATISFACTION_LABELS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** The order list's columns; the caller's name and number are as `presentOrder` showed them (need to know). */
export const ORDER_EXPORT_COLUMNS: ExportColumn<OrderRow>[] = [
  { header: '工单编号', value: (o) => o.number, width: 20 },
  { header: '状态', value: (o) => o.statusLabel },
  { header: '渠道', value: (o) => CHANNEL_LABELS[o.channel] ?? o.channel },
  { header: '类型', value: (o) => TYPE_LABELS[o.type] ?? o.type },
  { header: '紧急程度', value: (o) => URGENCY_LABELS[o.urgency] ?? o.urgency },
  { header: '诉求分类', value: (o) => o.categoryPath?.join(' / ') ?? null, width: 28 },
  { header: '标题', value: (o) => o.title, width: 30 },
  { header: '诉求内容', value: (o) => o.content, width: 60 },
  { header: '来电人', value: (o) => o.caller.name },
  { header: '联系电话', value: (o) => o.caller.phone, width: 16 },
  { header: '区县', value: (o) => o.location.district },
  { header: '地址', value: (o) => o.location.address, width: 30 },
  { header: '承办单位', value: (o) => o.departmentName, width: 20 },
  { header: '受理时间', format: 'datetime', value: (o) => o.receivedAt },
  { header: '交办时间', format: 'datetime', value: (o) => o.dispatchedAt },
  { header: '办理时限', format: 'datetime', value: (o) => o.handleDueAt },
  { header: '答复时间', format: 'datetime', value: (o) => o.repliedAt },
  { header: '办结时间', format: 'datetime', value: (o) => o.closedAt },
  { header: '时限（工作日）', format: 'int', value: (o) => o.timeLimitDays },
  { header: '退回次数', format: 'int', value: (o) => o.returnCount },
  { header: '重办次数', format: 'int', value: (o) => o.reopenCount },
  {
    header: '满意度',
    value: (o) => (o.satisfaction ? (SATISFACTION_LABELS[o.satisfaction] ?? o.satisfaction) : null),
  },
];

const FILTER_LABELS: Partial<Record<keyof ListOrdersQuery, string>> = {
  status: '状态',
  departmentId: '承办单位编号',
  categoryId: '分类编号',
  channel: '渠道',
  type: '类型',
  urgency: '紧急程度',
  overdue: '超期',
  dueSoon: '即将到期',
  appealStatus: '申诉',
  extensionPending: '延期待审',
  unjudgedReturn: '退回待判定',
  callerPhone: '按来电号码',
  q: '关键字',
  from: '受理时间起',
  to: '受理时间止',
  sort: '排序',
};

/** The filters as the cover sheet states them, so the file says what it is a list of. */
export function orderFilterLines(q: Partial<ListOrdersQuery>): string[] {
  const lines: string[] = [];
  for (const [k, label] of Object.entries(FILTER_LABELS)) {
    const v = q[k as keyof ListOrdersQuery];
    if (v == null || v === '') continue;
    // The caller's number is personal data: the file says a number was searched for, not which.
    const shown = k === 'callerPhone' ? '（已指定）' : v instanceof Date ? v.toISOString() : String(v);
    lines.push(`筛选 ${label}：${shown}`);
  }
  return lines.length ? lines : ['筛选：无（全部可见工单）'];
}

type Bucket = MetricsResult['intervals'][number];
const callColumns = (first: ExportColumn<Bucket>): ExportColumn<Bucket>[] => [
  first,
  { header: '呼入量', format: 'int', value: (b) => b.offered },
  { header: '接通量', format: 'int', value: (b) => b.answered },
  { header: '放弃量', format: 'int', value: (b) => b.abandoned },
  { header: '主动挂机', format: 'int', value: (b) => b.abandonedByCaller },
  { header: '排队中', format: 'int', value: (b) => b.waiting },
  { header: '接通率', format: 'pct', value: (b) => b.answerRate },
  { header: '15秒接通量', format: 'int', value: (b) => b.answeredWithin15s },
  { header: '15秒接通率', format: 'pct', value: (b) => b.answeredWithin15sRate },
  { header: '服务水平接通量', format: 'int', value: (b) => b.answeredWithinThreshold },
  { header: '平均应答时长（秒）', format: 'dec1', value: (b) => b.asaSeconds },
  { header: '平均通话时长（秒）', format: 'dec1', value: (b) => b.ahtSeconds },
  { header: '最长等待（秒）', format: 'dec1', value: (b) => b.longestWaitSeconds },
  { header: '剔除：突发豁免', format: 'int', value: (b) => b.excluded.exemptedOffered },
  { header: '剔除：短时放弃', format: 'int', value: (b) => b.excluded.shortAbandoned },
];

const GRANULARITY_LABELS: Record<string, string> = {
  interval: '每30分钟',
  day: '每日',
  month: '每月',
  quarter: '每季度',
  year: '每年',
};

/** GET /api/calls/metrics as a workbook: a totals sheet and a sheet with one row per bucket. */
export function callMetricsWorkbook(m: MetricsResult): ExcelJS.Workbook {
  const wb = newWorkbook();
  addCoverSheet(wb, '话务指标导出', [
    `统计期间：${m.from.toISOString()} 至 ${m.to.toISOString()}（不含）`,
    `粒度：${GRANULARITY_LABELS[m.granularity] ?? m.granularity}`,
    `服务水平阈值：${m.settings.serviceLevelSeconds} 秒；短时放弃：${m.settings.shortAbandonSeconds} 秒内主动挂机不计`,
    `突发事件豁免时段：${m.exemptions.length} 个`,
  ]);
  addExportSheet(wb, '合计', callColumns({ header: '期间开始', format: 'datetime', value: () => m.from }), [
    { ...m.totals, start: m.from },
  ]);
  addExportSheet(
    wb,
    `${GRANULARITY_LABELS[m.granularity] ?? m.granularity}明细`,
    callColumns({
      header: '时段开始',
      format: m.granularity === 'interval' ? 'datetime' : 'date',
      value: (b) => b.start,
    }),
    m.intervals,
  );
  return wb;
}

type Overview = Awaited<ReturnType<typeof overviewStats>>;
type Count = Overview['today']['byChannel'][number];

/** The dashboard's tables: today's and the month's intake by channel, type, status and category; overdue by
 * department; the 30-day trend. */
export function overviewWorkbook(o: Overview, now: Date): ExcelJS.Workbook {
  const wb = newWorkbook();
  addCoverSheet(wb, '数据看板导出', [
    `导出时间：${now.toISOString()}`,
    `今日受理：${o.today.total} 件；本月受理：${o.month.total} 件`,
  ]);
  const counted = (h: string): ExportColumn<Count>[] => [
    { header: h, value: (c) => c.label ?? c.key, width: 24 },
    { header: '件数', format: 'int', value: (c) => c.count },
  ];
  for (const [when, b] of [
    ['今日', o.today],
    ['本月', o.month],
  ] as const) {
    addExportSheet(wb, `${when}按渠道`, counted('渠道'), b.byChannel);
    addExportSheet(wb, `${when}按类型`, counted('类型'), b.byType);
    addExportSheet(wb, `${when}按状态`, counted('状态'), b.byStatus);
    addExportSheet(wb, `${when}按分类`, counted('分类'), b.byCategory);
  }
  addExportSheet(
    wb,
    '超期工单按单位',
    [
      { header: '承办单位', value: (d) => d.name, width: 24 },
      { header: '超期件数', format: 'int', value: (d) => d.count },
    ],
    o.overdueByDepartment,
  );
  addExportSheet(
    wb,
    '近30天趋势',
    [
      { header: '日期', format: 'date', value: (t) => new Date(`${t.date}T00:00:00+08:00`) },
      { header: '受理', format: 'int', value: (t) => t.count },
      { header: '办结', format: 'int', value: (t) => t.closed },
    ],
    o.trend,
  );
  return wb;
}

type DrillOrder = Awaited<ReturnType<typeof ordersForDrillDown>>[number];

/** An indicator's drill-down: the figure as the assessment gives it, and the records counted, each met or not. */
export function drillDownWorkbook(
  a: { contract: { id: string; name: string }; period: string; asOf: string },
  ind: IndicatorResult,
  detail: { orders: DrillOrder[] | null; calls: MetricsResult | null },
): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ev = ind.evidence as { entity: string; counted: (number | string)[]; met: (number | string)[] };
  addCoverSheet(wb, `考核指标明细：${ind.no}. ${ind.name}`, [
    `合同：${a.contract.name}（${a.contract.id}）`,
    `考核期：${a.period}（测算 ${ind.measuredFrom} 至 ${ind.measuredTo}，不含）；截至 ${a.asOf}`,
    `条款：${ind.clauseZh}`,
    `结果：${ind.valueZh}；目标 ${ind.targetZh}；${ind.statusZh}${ind.provisional ? '（期间未结束，数据可能变化）' : ''}`,
  ]);
  addExportSheet(
    wb,
    '指标',
    [
      { header: '序号', format: 'int', value: () => ind.no },
      { header: '指标', value: () => ind.name, width: 28 },
      { header: '分子', format: 'int', value: () => ind.numerator },
      { header: '分母', format: 'int', value: () => ind.denominator },
      { header: '数值', format: 'dec1', value: () => ind.value },
      { header: '目标', format: 'dec1', value: () => ind.target },
      { header: '是否达标', format: 'bool', value: () => ind.met },
      { header: '结果', value: () => ind.statusZh },
    ],
    [ind],
  );
  const met = new Set(ev.met.map(String));
  if (detail.orders) {
    addExportSheet<DrillOrder>(
      wb,
      '工单明细',
      [
        { header: '工单编号', value: (o) => o.number, width: 20 },
        { header: '受理时间', format: 'datetime', value: (o) => o.receivedAt },
        { header: '渠道', value: (o) => CHANNEL_LABELS[o.channel] ?? o.channel },
        { header: '类型', value: (o) => TYPE_LABELS[o.type] ?? o.type },
        { header: '标题', value: (o) => o.title, width: 30 },
        { header: '区县', value: (o) => o.district },
        { header: '承办单位', value: (o) => o.department, width: 20 },
        { header: '状态', value: (o) => STATUS_LABELS[o.status] ?? o.status },
        { header: '办理时限', format: 'datetime', value: (o) => o.handleDueAt },
        { header: '答复时间', format: 'datetime', value: (o) => o.repliedAt },
        { header: '办结时间', format: 'datetime', value: (o) => o.closedAt },
        { header: '是否达标', format: 'bool', value: (o) => met.has(String(o.id)) },
      ],
      detail.orders,
    );
  } else if (detail.calls) {
    addExportSheet(
      wb,
      '每日话务',
      callColumns({ header: '日期', format: 'date', value: (b) => b.start }),
      detail.calls.intervals,
    );
  } else {
    addExportSheet<string | number>(
      wb,
      '记录明细',
      [
        { header: '记录类型', value: () => ev.entity },
        { header: '记录编号', value: (id) => (typeof id === 'number' ? id : String(id)) },
        { header: '是否达标', format: 'bool', value: (id) => met.has(String(id)) },
      ],
      ev.counted,
    );
  }
  if (ind.excluded.length)
    addExportSheet(
      wb,
      '剔除',
      [
        { header: '剔除原因', value: (e) => e.reason, width: 40 },
        { header: '记录编号', value: (e) => e.id },
      ],
      ind.excluded.flatMap((e) => e.ids.map((id) => ({ reason: e.reason, id }))),
    );
  return wb;
}
