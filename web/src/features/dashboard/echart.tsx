import { useEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the console draws is bundled (tree-shaken ECharts).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
  value?: unknown;
}

/**
 * One ECharts instance: created on mount, given each new option, resized with the window and its container,
 * disposed on unmount.
 */
export function EChart({
  option,
  height = 300,
  onClick,
  style,
  testId,
}: {
  option: ChartOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    // The container also changes width without a window resize (the side menu collapsing).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(node);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (e: unknown) => onClick(e as ChartClick);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return (
    <div
      ref={el}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
