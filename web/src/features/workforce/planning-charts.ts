/**
 * Chart options of the 排班 screens (pure: data in, ECharts option out). The heat map and the 96 % mark line
 * need two ECharts parts the shared EChart does not bundle; they are registered here, once.
 */
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { MarkLineComponent, VisualMapComponent } from 'echarts/components';
import type { ChartOption } from '../dashboard/echart.tsx';
import { DAY_KIND, localParts, WEEKDAY } from './planning-shared.ts';

echarts.use([HeatmapChart, VisualMapComponent, MarkLineComponent]);

const HALF_HOURS = Array.from(
  { length: 48 },
  (_, k) => `${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`,
);

/** The forecast against the recorded calls, per half-hour. */
export function forecastOption(intervals: { start: string; expected: number; actual: number | null }[]) {
  return {
    color: ['#4096ff', '#fa8c16'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['预测话务量', '实际话务量'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: intervals.map((i) => {
        const p = localParts(i.start);
        return `${p.date.slice(5)} ${p.time}`;
      }),
    },
    yAxis: { type: 'value', name: '呼入/半小时', min: 0 },
    series: [
      {
        type: 'line',
        name: '预测话务量',
        symbol: 'none',
        data: intervals.map((i) => Math.round(i.expected * 10) / 10),
      },
      { type: 'line', name: '实际话务量', symbol: 'none', data: intervals.map((i) => i.actual) },
    ],
  } as ChartOption;
}

/** The mean forecast per half-hour of the day for each kind of day (workday, rest day, holiday, 调休). */
export function profileOption(
  intervals: { start: string; expected: number }[],
  days: { date: string; kind: string }[],
) {
  const kindOf = new Map(days.map((d) => [d.date, d.kind]));
  const sums = new Map<string, { sum: number[]; n: number[] }>();
  for (const i of intervals) {
    const p = localParts(i.start);
    const kind = kindOf.get(p.date) ?? 'workday';
    const s = sums.get(kind) ?? { sum: new Array(48).fill(0), n: new Array(48).fill(0) };
    s.sum[p.slot] += i.expected;
    s.n[p.slot] += 1;
    sums.set(kind, s);
  }
  const kinds = [...sums.keys()].sort();
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: kinds.map((k) => DAY_KIND[k] ?? k) },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: HALF_HOURS },
    yAxis: { type: 'value', name: '呼入/半小时', min: 0 },
    series: kinds.map((k) => {
      const s = sums.get(k)!;
      return {
        type: 'line',
        name: DAY_KIND[k] ?? k,
        symbol: 'none',
        data: s.sum.map((x, j) => (s.n[j] ? Math.round((x / s.n[j]) * 10) / 10 : null)),
      };
    }),
  } as ChartOption;
}

/**
 * Heat map of one week: weekday × half-hour, the value scheduled − required (red short, green over); the
 * tooltip gives both.
 */
export function coverageHeatmapOption(
  week: { start: string; required: number; scheduled: number }[],
  mode: 'gap' | 'required',
) {
  const days = [...new Set(week.map((c) => localParts(c.start).date))];
  const data = week.map((c) => {
    const p = localParts(c.start);
    const v = mode === 'gap' ? c.scheduled - c.required : c.required;
    return [p.slot, days.indexOf(p.date), v, c.required, c.scheduled];
  });
  const values = data.map((d) => d[2] as number);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  return {
    tooltip: {
      position: 'top',
      formatter: (p: { data: number[] }) =>
        `${days[p.data[1]!]} ${HALF_HOURS[p.data[0]!]}<br/>需求 ${p.data[3]} 人，排班 ${p.data[4]} 人`,
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: HALF_HOURS, splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: days.map((d) => `${d.slice(5)} ${WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]}`),
      inverse: true,
    },
    visualMap:
      mode === 'gap'
        ? {
            min: lo,
            max: hi,
            calculable: true,
            orient: 'horizontal',
            left: 'center',
            bottom: 0,
            inRange: { color: ['#cf1322', '#ff7875', '#fffbe6', '#95de64', '#237804'] },
            text: ['排班富余', '排班不足'],
          }
        : {
            min: 0,
            max: hi,
            calculable: true,
            orient: 'horizontal',
            left: 'center',
            bottom: 0,
            inRange: { color: ['#f0f5ff', '#2f54eb'] },
            text: ['需求多', '需求少'],
          },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  } as unknown as ChartOption;
}

/** Answer rate per head count: Erlang A beside the simulator, with the contract's line. */
export function whatIfOption(
  rows: { agents: number; erlangAnswerRate: number | null; simulatedAnswerRate: number }[],
  line: number,
) {
  const pct = (x: number | null) => (x == null ? null : Math.round(x * 10000) / 100);
  const all = rows.flatMap((r) => [r.erlangAnswerRate ?? 1, r.simulatedAnswerRate]);
  return {
    color: ['#4096ff', '#73d13d'],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
    legend: { top: 0, data: ['Erlang A', '话务模拟'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${r.agents} 人`) },
    yAxis: {
      type: 'value',
      name: '人工接通率 %',
      min: Math.max(0, Math.floor(Math.min(line, ...all) * 100) - 2),
      max: 100,
    },
    series: [
      {
        type: 'bar',
        name: 'Erlang A',
        data: rows.map((r) => pct(r.erlangAnswerRate)),
        barMaxWidth: 32,
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#ff4d4f', type: 'dashed', width: 2 },
          label: { formatter: `合同 ${line * 100}%` },
          data: [{ yAxis: line * 100 }],
        },
      },
      { type: 'bar', name: '话务模拟', data: rows.map((r) => pct(r.simulatedAnswerRate)), barMaxWidth: 32 },
    ],
  } as ChartOption;
}
