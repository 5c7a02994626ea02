import { use } from 'echarts/core';
import { MarkLineComponent } from 'echarts/components';
import type { CallGranularity, CallMetrics } from './types.ts';
import type { ChartOption } from '../dashboard/echart.tsx';
import { ANSWER_RATE_TARGET, bucketLabel } from './shared.ts';

// The target line on the answer-rate axis; the rest is registered by the shared chart component.
use([MarkLineComponent]);

const toPct = (r: number | null) => (r == null ? null : Math.round(r * 1000) / 10);

/** Offered and answered calls as bars, the answer rate (and 15-second rate) as lines on a second axis. */
export function metricsOption(m: CallMetrics, g: CallGranularity): ChartOption {
  const labels = m.intervals.map((i) => bucketLabel(i.start, g));
  const rates = m.intervals.map((i) => toPct(i.answerRate));
  const fast = m.intervals.map((i) => toPct(i.answeredWithin15sRate));
  const lowest = Math.min(
    ...[...rates, ...fast].filter((r): r is number => r != null),
    ANSWER_RATE_TARGET * 100,
  );
  const target = ANSWER_RATE_TARGET * 100;
  return {
    color: ['#91caff', '#1f5fbf', '#389e0d', '#fa8c16'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v == null ? '—' : String(v)),
    },
    legend: { top: 0, data: ['呼入人工', '人工接通', '人工接通率', '15 秒接通率'] },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { hideOverlap: true },
    },
    yAxis: [
      { type: 'value', name: '通', minInterval: 1 },
      {
        type: 'value',
        name: '%',
        // Rates near the target matter: start the axis a little under the lowest one.
        min: Math.max(0, Math.floor((lowest - 5) / 5) * 5),
        max: 100,
        splitLine: { show: false },
        axisLabel: { formatter: '{value}%' },
      },
    ],
    series: [
      { type: 'bar', name: '呼入人工', data: m.intervals.map((i) => i.offered), barMaxWidth: 28 },
      { type: 'bar', name: '人工接通', data: m.intervals.map((i) => i.answered), barMaxWidth: 28 },
      {
        type: 'line',
        name: '人工接通率',
        yAxisIndex: 1,
        data: rates,
        connectNulls: false,
        symbolSize: 6,
        tooltip: { valueFormatter: (v) => (v == null ? '—' : `${v}%`) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#cf1322', type: 'dashed' },
          label: { formatter: `目标 ${target}%`, position: 'insideEndTop', color: '#cf1322' },
          data: [{ yAxis: target }],
        },
      },
      {
        type: 'line',
        name: '15 秒接通率',
        yAxisIndex: 1,
        data: fast,
        symbolSize: 5,
        lineStyle: { type: 'dotted' },
        tooltip: { valueFormatter: (v) => (v == null ? '—' : `${v}%`) },
      },
    ],
  };
}
