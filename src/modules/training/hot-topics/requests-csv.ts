/**
 * Requests for the detector from CSV: the message-board export (message_id, user_id, title, time,
 * detail, like_count) or a work-order export (id, title, time, content, category, district). Unusable
 * rows come back with their line and reason rather than silently shrinking the history.
 */
import { parse } from 'csv-parse/sync';
import { parseCityInstant } from '../../../calendar/local-time.ts';
import { AppError } from '../../../platform/errors.ts';
import type { HotTopicInput } from './model.ts';
import { extractDistrict } from './places.ts';

export interface RejectedRequestRow {
  line: number;
  id: string;
  reason: 'missing id' | 'bad time' | 'missing text' | 'wrong number of columns';
}

export interface RequestsCsv {
  requests: HotTopicInput[];
  rejected: RejectedRequestRow[];
}

/** Accepted names of each column, first match wins. */
const COLUMNS = {
  id: ['message_id', 'id', 'order_id'],
  title: ['title'],
  time: ['time', 'at', 'created_at', 'received_at'],
  content: ['detail', 'content'],
  likes: ['like_count', 'likes', 'support'],
  caller: ['user_id', 'caller'],
  category: ['category', 'label'],
  district: ['district'],
} as const;

interface ParsedRecord {
  record: Record<string, string | undefined>;
  info: { lines: number; error?: unknown };
}

export function parseRequestsCsv(text: string | Buffer): RequestsCsv {
  const parsed = parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as ParsedRecord[];
  const first = parsed.find((p) => !p.info.error);
  const pick = (names: readonly string[]) => (first ? names.find((n) => n in first.record) : undefined);
  const column = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, pick(names)])) as Record<
    keyof typeof COLUMNS,
    string | undefined
  >;
  const missing = (['id', 'title', 'time', 'content'] as const).filter((k) => first && !column[k]);
  if (missing.length > 0) {
    const names = missing.map((k) => COLUMNS[k].join('|')).join(', ');
    throw new AppError(
      'hot_topics_csv_columns_missing',
      400,
      `CSV lacks column(s): ${names}`,
      `CSV 缺少列：${names}`,
      {
        missing,
      },
    );
  }
  const requests: HotTopicInput[] = [];
  const rejected: RejectedRequestRow[] = [];
  const get = (record: Record<string, string | undefined>, key: keyof typeof COLUMNS) =>
    (column[key] ? (record[column[key]] ?? '') : '').trim();
  for (const { record, info } of parsed) {
    const line = info.lines - countNewlines(record);
    const id = get(record, 'id');
    const title = get(record, 'title');
    const content = get(record, 'content');
    const at = parseCityInstant(get(record, 'time'));
    if (info.error) rejected.push({ line, id, reason: 'wrong number of columns' });
    else if (id === '') rejected.push({ line, id, reason: 'missing id' });
    else if (!at) rejected.push({ line, id, reason: 'bad time' });
    else if (title === '' && content === '') rejected.push({ line, id, reason: 'missing text' });
    else {
      const likes = Number(get(record, 'likes'));
      requests.push({
        id,
        at,
        title,
        content,
        weight: 1 + (Number.isFinite(likes) && likes > 0 ? likes : 0),
        caller: get(record, 'caller') || null,
        category: get(record, 'category') || null,
        district: get(record, 'district') || extractDistrict(title, content),
      });
    }
  }
  return { requests, rejected };
}

/** csv-parse reports the line where a record ends; quoted fields may span several lines. */
function countNewlines(record: Record<string, string | undefined>): number {
  let count = 0;
  for (const value of Object.values(record)) {
    if (value === undefined) continue;
    for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) count++;
  }
  return count;
}
