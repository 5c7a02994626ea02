import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CJK_FONT } from './fonts.ts';
import type { MonthlyReport } from './model.ts';

const WIDTH = 800;
const HEIGHT = 360;

/** One ECharts option rendered on the server: SVG string → PNG (resvg, with the CJK font so Chinese renders). */
export function renderChart(option: echarts.EChartsOption, width = WIDTH, height = HEIGHT): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CJK_FONT.family }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    // An ECharts instance not disposed keeps a timer alive and the process never exits.
    chart.dispose();
  }
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: width * 2 },
    font: { fontFiles: [CJK_FONT.regular], loadSystemFonts: false, defaultFontFamily: CJK_FONT.family },
  }).render();
  return Buffer.from(png.asPng());
}

export interface Chart {
  id: string;
  title: string;
  png: Buffer;
}

const title = (text: string) => ({ text, left: 'center', textStyle: { fontSize: 16 } });

/** 图表 — the monthly report's charts: daily calls (line), calls by half-hour (bar), channels (pie), areas (bar). */
export function monthlyCharts(r: MonthlyReport): Chart[] {
  const days = r.calls.days;
  const charts: { id: string; title: string; option: echarts.EChartsOption }[] = [
    {
      id: 'daily-calls',
      title: '每日呼入与接听量',
      option: {
        title: title('每日呼入与接听量'),
        legend: { bottom: 0, data: ['呼入', '接听'] },
        grid: { left: 60, right: 20, top: 50, bottom: 60 },
        xAxis: { type: 'category', data: days.map((d) => d.date.slice(8)) },
        yAxis: { type: 'value' },
        series: [
          { name: '呼入', type: 'line', data: days.map((d) => d.offered) },
          { name: '接听', type: 'line', data: days.map((d) => d.answered) },
        ],
      },
    },
    {
      id: 'half-hour-calls',
      title: '分时段呼入量（半小时）',
      option: {
        title: title('分时段呼入量（半小时，全月合计）'),
        grid: { left: 60, right: 20, top: 50, bottom: 40 },
        xAxis: { type: 'category', data: r.calls.slots.map((s) => s.slot), axisLabel: { interval: 3 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: r.calls.slots.map((s) => s.offered) }],
      },
    },
    {
      id: 'channels',
      title: '工单受理渠道',
      option: {
        title: title('工单受理渠道'),
        series: [
          {
            type: 'pie',
            radius: '60%',
            center: ['50%', '55%'],
            label: { formatter: '{b} {c}（{d}%）' },
            data: r.orders.byChannel.map((c) => ({ name: c.label, value: c.count })),
          },
        ],
      },
    },
    {
      id: 'categories',
      title: '诉求领域分布',
      option: {
        title: title('诉求领域分布（前 10）'),
        grid: { left: 140, right: 40, top: 50, bottom: 30 },
        xAxis: { type: 'value' },
        yAxis: {
          type: 'category',
          inverse: true,
          data: r.orders.byCategory.slice(0, 10).map((c) => c.label),
        },
        series: [{ type: 'bar', data: r.orders.byCategory.slice(0, 10).map((c) => c.count) }],
      },
    },
  ];
  return charts.map((c) => ({ id: c.id, title: c.title, png: renderChart(c.option) }));
}
