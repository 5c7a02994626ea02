import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { CITY_TZ } from '../../app/format.ts';
import type { CallGranularity } from './types.ts';

/**
 * The Luohe contract's first indicator: 人工接通率 ≥ 96 % over the year. No setting carries it (the platform
 * measures, the contract judges), so the console marks it here.
 */
export const ANSWER_RATE_TARGET = 0.96;
/** GB/T 33358-2016: calls answered within 15 s. */
export const SERVICE_SECONDS = 15;

export const OK_COLOR = '#389e0d';
export const WARN_COLOR = '#d48806';
export const BAD_COLOR = '#cf1322';

/** Green at or over the target, amber within 3 points of it, red below. */
export function rateColor(rate: number | null | undefined, target = ANSWER_RATE_TARGET): string | undefined {
  if (rate == null) return undefined;
  if (rate >= target) return OK_COLOR;
  return rate >= target - 0.03 ? WARN_COLOR : BAD_COLOR;
}

export const pct = (rate: number | null | undefined, digits = 1) =>
  rate == null ? '—' : `${(rate * 100).toFixed(digits)}%`;

export const secs = (s: number | null | undefined) => (s == null ? '—' : `${Math.round(s * 10) / 10} 秒`);

/** 75 → "1 分 15 秒"; for waits and talk times. `tenths` keeps 7.3 秒 for averages under a minute. */
export function duration(s: number | null | undefined, tenths = false): string {
  if (s == null) return '—';
  if (tenths && s < 60) return `${(Math.round(s * 10) / 10).toFixed(1)} 秒`;
  const t = Math.round(s);
  if (t < 60) return `${t} 秒`;
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const r = t % 60;
  return h ? `${h} 时 ${m} 分` : `${m} 分 ${r} 秒`;
}

/** 5.3 小时; from two days on, 3 天 4 小时. */
export function hours(h: number | null | undefined): string {
  if (h == null) return '—';
  if (h < 48) return `${h.toFixed(1)} 小时`;
  return `${Math.floor(h / 24)} 天 ${Math.round(h % 24)} 小时`;
}

/** The length of a window: 40 分钟, 2 小时, 1 小时 30 分钟. */
export function windowLength(fromIso: string, toIso: string): string {
  const minutes = Math.round((new Date(toIso).getTime() - new Date(fromIso).getTime()) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} 分钟`;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** Seconds between two instants (null if either is missing). */
export function between(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return (new Date(b).getTime() - new Date(a).getTime()) / 1000;
}

/** A call's moment to the second, in Beijing time. */
export const fmtSecond = (iso: string | null | undefined) =>
  iso ? dayjs(iso).tz(CITY_TZ).format('YYYY-MM-DD HH:mm:ss') : '—';

/* ---- Periods: the API takes city dates with `to` exclusive; people pick an inclusive end date. ---- */

export interface Period {
  /** YYYY-MM-DD, first day. */
  from: string;
  /** YYYY-MM-DD, the day after the last (exclusive), as the API wants it. */
  to: string;
}

const DAY = 'YYYY-MM-DD';
export const cityToday = () => dayjs().tz(CITY_TZ).format(DAY);

/** From the first of this month to today, inclusive. */
export function thisMonth(): Period {
  const today = dayjs(cityToday());
  return { from: today.startOf('month').format(DAY), to: today.add(1, 'day').format(DAY) };
}

export function todayPeriod(): Period {
  const today = dayjs(cityToday());
  return { from: today.format(DAY), to: today.add(1, 'day').format(DAY) };
}

/** The picker's [first, last] days for a period. */
export const toPicker = (p: Period): [Dayjs, Dayjs] => [dayjs(p.from), dayjs(p.to).subtract(1, 'day')];
/** A picked [first, last] as a period with the exclusive end. */
export const fromPicker = ([a, b]: [Dayjs, Dayjs]): Period => ({
  from: a.format(DAY),
  to: b.add(1, 'day').format(DAY),
});

export function periodFromParams(params: URLSearchParams, fallback: () => Period): Period {
  const from = params.get('from');
  const to = params.get('to');
  const ok = (s: string | null) => s && /^\d{4}-\d{2}-\d{2}$/.test(s);
  return ok(from) && ok(to) && to! > from! ? { from: from!, to: to! } : fallback();
}

/** "2026-03-01 至 2026-03-31" (the inclusive end). */
export const periodText = (p: Period) => `${p.from} 至 ${dayjs(p.to).subtract(1, 'day').format(DAY)}`;

/* ---- Date-times typed by people are Beijing wall-clock times, whatever the browser's zone. ---- */

/** An instant as a picker value showing its Beijing wall-clock time. */
export const cityPickerValue = (iso: string | Date = new Date()) =>
  dayjs(dayjs(iso).tz(CITY_TZ).format('YYYY-MM-DDTHH:mm:ss'));
/** A picked wall-clock time read as Beijing time, as an ISO instant. */
export const fromCityPicker = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), CITY_TZ).toISOString();

/** The start of a metrics bucket as people name it. */
export function bucketLabel(startIso: string, g: CallGranularity): string {
  const d = dayjs(startIso).tz(CITY_TZ);
  switch (g) {
    case 'interval':
      return `${d.format('MM-DD HH:mm')}–${d.add(30, 'minute').format('HH:mm')}`;
    case 'day':
      return d.format('YYYY-MM-DD');
    case 'month':
      return d.format('YYYY年M月');
    case 'quarter':
      return `${d.year()}年第${Math.floor(d.month() / 3) + 1}季度`;
    case 'year':
      return `${d.year()}年`;
  }
}

/** The platform's settings by key (`GET /api/settings`), for thresholds the screens show. */
export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: () => unwrap(client.GET('/api/settings')),
    staleTime: 5 * 60_000,
    select: (r) => Object.fromEntries(r.items.map((s) => [s.key, s.value])) as Record<string, unknown>,
  });
}

export function numberSetting(values: Record<string, unknown> | undefined, key: string, fallback: number) {
  const v = values?.[key];
  return typeof v === 'number' ? v : fallback;
}
