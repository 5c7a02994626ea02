/** Types of the 排班 screens, taken from the generated API schema, and Beijing-time helpers. */
import type { paths } from '../../api/schema.d.ts';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type Forecast = Ok<'/api/workforce/forecast', 'get'>;
export type RotaDetail = Ok<'/api/workforce/rotas/{id}', 'get'>;
export type RotaShift = RotaDetail['shifts'][number];
export type ShiftTemplate = Ok<'/api/workforce/shift-templates', 'get'>['items'][number];
export type WhatIf = Ok<'/api/workforce/what-if', 'get'>;

export const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const DAY_KIND: Record<string, string> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  adjusted_workday: '调休上班日',
};

const OFFSET = 8 * 3600_000;

/** An instant in Beijing time: its date, HH:mm, and half-hour slot of the day (0–47). */
export function localParts(iso: string | Date) {
  const t = (typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) + OFFSET;
  const s = new Date(t).toISOString();
  const hh = Number(s.slice(11, 13));
  const mm = Number(s.slice(14, 16));
  return { date: s.slice(0, 10), time: s.slice(11, 16), slot: hh * 2 + (mm >= 30 ? 1 : 0) };
}

/** YYYY-MM-DD + n days (calendar arithmetic in UTC, no time zone involved). */
export function plusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return plusDays(date, -((wd + 6) % 7));
}

/** A shift from a template on a Beijing date, as the API takes it. */
export function shiftFrom(agent: string, date: string, t: ShiftTemplate) {
  const start = Date.parse(`${date}T${String(t.startHour).padStart(2, '0')}:00:00+08:00`);
  return {
    agent,
    template: t.code,
    start: new Date(start).toISOString(),
    end: new Date(start + t.hours * 3600_000).toISOString(),
  };
}

export const pct2 = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);
export const yuan = (fen: number | null | undefined) =>
  fen == null ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
