import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** Times are shown in the city's zone whatever the browser's: deadlines are Beijing-time rules. */
export const CITY_TZ = 'Asia/Shanghai';

export const fmtTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).tz(CITY_TZ).format('YYYY-MM-DD HH:mm') : '—';
export const fmtDate = (iso: string | null | undefined) =>
  iso ? dayjs(iso).tz(CITY_TZ).format('YYYY-MM-DD') : '—';

/** A deadline that ends at 24:00 is shown as "03-10 24:00" rather than the next day's 00:00. */
export function fmtDeadline(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso).tz(CITY_TZ);
  if (d.hour() === 0 && d.minute() === 0) return `${d.subtract(1, 'day').format('YYYY-MM-DD')} 24:00`;
  return d.format('YYYY-MM-DD HH:mm');
}

/** "剩 3 小时 12 分" / "超期 2 天 4 小时". */
export function fmtRemaining(dueIso: string, now: number = Date.now()): { text: string; overdue: boolean } {
  let ms = new Date(dueIso).getTime() - now;
  const overdue = ms < 0;
  ms = Math.abs(ms);
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const parts = days ? `${days} 天 ${hours} 小时` : hours ? `${hours} 小时 ${minutes} 分` : `${minutes} 分`;
  return { text: overdue ? `超期 ${parts}` : `剩 ${parts}`, overdue };
}

export const maskPhone = (p: string | null) =>
  p && p.length > 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : (p ?? '');
