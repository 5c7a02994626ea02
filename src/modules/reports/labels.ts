/** zh-CN labels the reports print; the vocabulary's words come from src/shared/labels.ts, shared with the console. */
import * as shared from '../../shared/labels.ts';

export const CHANNEL_LABELS: Record<string, string> = shared.CHANNEL_LABELS;

export const TYPE_LABELS: Record<string, string> = shared.TYPE_LABELS;

export const STATUS_LABELS: Record<string, string> = shared.STATUS_LABELS;

/** The monthly report's sections, in order; KPI 11's completeness check asks that every one be present. */
export const MONTHLY_SECTIONS = [
  { id: 'summary', title: '总体情况' },
  { id: 'calls', title: '话务接听情况' },
  { id: 'intake', title: '工单受理情况' },
  { id: 'matters', title: '热点事项及环比变化' },
  { id: 'hotTopics', title: '本月热点问题' },
  { id: 'handling', title: '交办办理情况' },
  { id: 'callbacks', title: '回访及满意度' },
  { id: 'indicators', title: '合同考核指标' },
] as const;
export type MonthlySectionId = (typeof MONTHLY_SECTIONS)[number]['id'];

/** 一、二、三… for numbered sections in the official style (GB/T 9704-2012 层次序数). */
export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export const pct = (v: number | null | undefined, digits = 2) =>
  v == null ? '—' : `${(v * 100).toFixed(digits)}%`;
export const num = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('en-US'));
export const secs = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)} 秒`);

/** `2026-03-02 08:30` in the city's time (UTC+8 all year). */
export const cityMinute = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
