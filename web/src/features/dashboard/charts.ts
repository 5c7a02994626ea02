import { CHANNEL_LABELS, STATUS_LABELS, TYPE_LABELS } from '../../app/labels.ts';
import type { ApiOk } from '../../api/responses.ts';
import type { ChartOption } from './echart.tsx';

/** The answer of GET /api/stats/overview, named from the generated OpenAPI types. */
export type Overview = ApiOk<'/api/stats/overview'>;
export type IntakeSummary = Overview['today'];
export type Breakdown = IntakeSummary['byChannel'];

export const CATEGORY_NONE = '未分类';

/** A breakdown's key in Chinese: the vocabulary labels, or the key itself (a category name). */
export function labelOf(labels: Record<string, string> | null, b: { key: string; label?: string }): string {
  if (b.key === 'none') return labels ? '未知' : CATEGORY_NONE;
  return b.label ?? labels?.[b.key] ?? b.key;
}

const PALETTE = [
  '#1f5fbf',
  '#36a3f7',
  '#4ecb73',
  '#fbd437',
  '#f2637b',
  '#975fe5',
  '#13c2c2',
  '#fa8c16',
  '#8c8c8c',
];

export function pieOption(data: Breakdown, labels: Record<string, string>): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['34%', '58%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        // Labels stay inside the card: aligned to its edges and wrapped, never cut (issue 14).
        label: { formatter: '{b}\n{c}', alignTo: 'edge', edgeDistance: 6, overflow: 'break', width: 84 },
        labelLine: { length: 10, length2: 6 },
        labelLayout: { hideOverlap: true },
        data: data.map((b) => ({ name: labelOf(labels, b), value: b.count })),
      },
    ],
  };
}

/** Horizontal bars, largest on top; `labels` null means the keys are already names (categories). */
export function hbarOption(
  data: Breakdown,
  labels: Record<string, string> | null,
  color = '#1f5fbf',
): ChartOption {
  const rows = [...data].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((b) => labelOf(labels, b)),
      axisLabel: { width: 150, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        name: '件数',
        data: rows.map((b) => b.count),
        itemStyle: { color },
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

export function statusOption(data: Breakdown): ChartOption {
  const order = Object.keys(STATUS_LABELS);
  const rows = [...data].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((b) => labelOf(STATUS_LABELS, b)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '件数',
        data: rows.map((b) => b.count),
        itemStyle: { color: '#36a3f7' },
        label: { show: true, position: 'top' },
        barMaxWidth: 36,
      },
    ],
  };
}

export function overdueOption(rows: Overview['overdueByDepartment']): ChartOption {
  const data = [...rows].reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: '{b}<br/>超期 {c} 件（点击查看）',
    },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: data.map((r) => r.name),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '超期工单',
        data: data.map((r) => r.count),
        itemStyle: { color: '#cf1322' },
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

export function trendOption(trend: Overview['trend']): ChartOption {
  return {
    color: ['#1f5fbf', '#4ecb73'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['受理', '其中已办结'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((t) => t.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: '受理',
        smooth: 0.25,
        smoothMonotone: 'x',
        data: trend.map((t) => t.count),
        areaStyle: { opacity: 0.08 },
      },
      {
        type: 'line',
        name: '其中已办结',
        smooth: 0.25,
        smoothMonotone: 'x',
        data: trend.map((t) => t.closed),
      },
    ],
  };
}

export const BREAKDOWN_LABELS = { channel: CHANNEL_LABELS, type: TYPE_LABELS, status: STATUS_LABELS };
