/**
 * Labelled training data from CSV (columns id,title,detail,label), the format in which a city
 * exports its past orders. Rows that cannot be used are reported with their line and reason:
 * a silently shrinking training set would hide an export problem.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import type { LabelledDoc } from './model.ts';

export interface LabelledCsvDoc extends LabelledDoc {
  id: string;
  /** 1-based line of the file where the record starts. */
  line: number;
}

export interface RejectedRow {
  line: number;
  id: string;
  reason: 'missing label' | 'missing text' | 'wrong number of columns';
}

export interface LabelledCsv {
  docs: LabelledCsvDoc[];
  rejected: RejectedRow[];
}

const REQUIRED_COLUMNS = ['id', 'title', 'detail', 'label'] as const;

interface ParsedRecord {
  record: Record<string, string | undefined>;
  info: { lines: number; error?: unknown };
}

export function parseLabelledCsv(text: string | Buffer): LabelledCsv {
  const parsed = parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as ParsedRecord[];
  const first = parsed[0];
  if (first) {
    const missing = REQUIRED_COLUMNS.filter((column) => !(column in first.record) && !first.info.error);
    if (missing.length > 0) {
      const names = missing.join(', ');
      throw new AppError(
        'triage_csv_columns_missing',
        400,
        `CSV lacks column(s): ${names}`,
        `CSV 缺少列：${names}`,
        {
          missing,
        },
      );
    }
  }
  const docs: LabelledCsvDoc[] = [];
  const rejected: RejectedRow[] = [];
  for (const { record, info } of parsed) {
    const line = info.lines - countNewlines(record);
    const id = (record.id ?? '').trim();
    const title = (record.title ?? '').trim();
    const content = (record.detail ?? '').trim();
    const label = (record.label ?? '').trim();
    if (info.error) rejected.push({ line, id, reason: 'wrong number of columns' });
    else if (label === '') rejected.push({ line, id, reason: 'missing label' });
    else if (title === '' && content === '') rejected.push({ line, id, reason: 'missing text' });
    else docs.push({ id, line, title, content, label });
  }
  return { docs, rejected };
}

export async function readLabelledCsv(path: string): Promise<LabelledCsv> {
  return parseLabelledCsv(await readFile(path));
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
