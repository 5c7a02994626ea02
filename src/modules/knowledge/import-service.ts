/**
 * Importing a knowledge file: every row is validated first; then the good rows are written in one transaction,
 * so a good row is never lost because of a bad one and nothing is half-written. A row whose title exists
 * updates that article (a new version) when anything differs; imported articles are published.
 */
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import {
  type Article,
  type ArticleFields,
  applyArticleChange,
  findArticlesByTitle,
  insertArticles,
  snapshotOf,
} from './articles-service.ts';
import { cityToday, isCurrent } from './articles-query.ts';
import { findUnsafeMarkup } from './content-rules.ts';
import { loadDictionary, lockDictionary } from './dictionary.ts';
import { tidySearchIndex } from './search-index.ts';
import { type KbFileFormat, type RawRow, readKbFile } from './import-file.ts';
import {
  CONTENT_MAX,
  DEFAULT_KIND,
  ISSUER_MAX,
  KEYWORD_MAX,
  KEYWORDS_MAX,
  KIND_MAX,
  TITLE_MAX,
  cleanKeywords,
  normaliseContent,
  splitCategoryPath,
  splitKeywords,
} from './model.ts';

export interface ImportResult {
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; reason: string }[];
}

/** The columns of a valid row, ready to write. */
export type ImportedFields = Pick<
  ArticleFields,
  'categoryPath' | 'title' | 'content' | 'issuer' | 'kind' | 'keywords'
>;

/**
 * Exports prefix a cell that Excel would take for a formula with `'` (CSV injection); a round trip takes it
 * off again.
 */
function uncell(value: string): string {
  return /^'[=+\-@]/u.test(value) ? value.slice(1) : value;
}

/** The row's fields, or why it is refused (English, then Chinese for the console). */
export function validateImportRow(raw: RawRow): ImportedFields | string {
  const v = Object.fromEntries(
    Object.entries(raw.values).map(([k, x]) => [k, uncell(x)]),
  ) as RawRow['values'];
  const title = v.title.trim();
  if (!title) return 'title is missing (标题为空)';
  if ([...title].length > TITLE_MAX)
    return `title is longer than ${TITLE_MAX} characters (标题超过 ${TITLE_MAX} 字)`;
  const content = normaliseContent(v.content);
  if (!content) return 'content is missing (内容为空)';
  if (content.length > CONTENT_MAX) return `content is longer than ${CONTENT_MAX} characters (内容过长)`;
  const unsafe = findUnsafeMarkup(content);
  if (unsafe) return `${unsafe} (内容含不允许的 HTML)`;
  const kind = v.kind.trim() || DEFAULT_KIND;
  if ([...kind].length > KIND_MAX) return `材料性质 is longer than ${KIND_MAX} characters (材料性质过长)`;
  const issuer = v.issuer.trim() || null;
  if (issuer && issuer.length > ISSUER_MAX)
    return `发文单位 is longer than ${ISSUER_MAX} characters (发文单位过长)`;
  const keywords = cleanKeywords(splitKeywords(v.keywords));
  if (keywords.some((k) => k.length > KEYWORD_MAX)) {
    return `a keyword is longer than ${KEYWORD_MAX} characters (关键字过长)`;
  }
  if (keywords.length > KEYWORDS_MAX) return `more than ${KEYWORDS_MAX} keywords (关键字过多)`;
  const categoryPath = splitCategoryPath(v.category);
  if (categoryPath.length > 10 || categoryPath.some((p) => p.length > 50)) {
    return 'category path too deep or too long (类目层级过多或名称过长)';
  }
  return { categoryPath, title, content, issuer, kind, keywords };
}

interface ValidRow {
  row: number;
  fields: ImportedFields;
}

export function validateImportRows(rows: readonly RawRow[]): {
  valid: ValidRow[];
  rejections: ImportResult['rejections'];
} {
  const valid: ValidRow[] = [];
  const rejections: ImportResult['rejections'] = [];
  const firstRowOfTitle = new Map<string, number>();
  for (const raw of rows) {
    const result = validateImportRow(raw);
    if (typeof result === 'string') {
      rejections.push({ row: raw.row, reason: result });
      continue;
    }
    const first = firstRowOfTitle.get(result.title);
    if (first !== undefined) {
      rejections.push({
        row: raw.row,
        reason: `duplicate title, same as row ${first} (标题与第 ${first} 行重复)`,
      });
      continue;
    }
    firstRowOfTitle.set(result.title, raw.row);
    valid.push({ row: raw.row, fields: result });
  }
  return { valid, rejections };
}

/**
 * What an existing article becomes: the file's columns, published. Its dates are kept while it is in effect;
 * an article not in effect (a draft, retired, expired or not yet started) takes effect from the import date.
 */
function importedVersion(before: Article, fields: ImportedFields, today: string): ArticleFields {
  const inEffect = isCurrent(before, today);
  return {
    ...snapshotOf(before),
    ...fields,
    status: 'published',
    effectiveFrom: inEffect ? before.effectiveFrom : today,
    expiresOn: inEffect ? before.expiresOn : null,
  };
}

/** Writes validated rows; call inside one transaction. */
export async function writeImportRows(
  db: DbOrTx,
  actor: Actor,
  valid: readonly ValidRow[],
  now: Date,
): Promise<{ imported: number; updated: number; unchanged: number }> {
  await lockDictionary(db, 'shared');
  const dict = await loadDictionary(db);
  const today = cityToday(now);
  const existing = await findArticlesByTitle(
    db,
    valid.map((v) => v.fields.title),
  );
  let updated = 0;
  let unchanged = 0;
  const fresh: ArticleFields[] = [];
  for (const { fields } of valid) {
    const before = existing.get(fields.title);
    if (!before) {
      fresh.push({ ...fields, status: 'published', effectiveFrom: today, expiresOn: null });
      continue;
    }
    const after = importedVersion(before, fields, today);
    const { changed } = await applyArticleChange(db, actor, before, after, '导入更新', now, dict);
    if (changed.length > 0) updated++;
    else unchanged++;
  }
  await insertArticles(
    db,
    actor,
    fresh.map((f) => ({ fields: f, note: '导入' })),
    now,
    dict,
  );
  return { imported: fresh.length, updated, unchanged };
}

/** Reads, validates and imports a file: the one entry point of the API and the CLI. */
export async function importKbFile(
  db: Database,
  actor: Actor,
  format: KbFileFormat,
  bytes: Uint8Array,
  now: Date,
): Promise<ImportResult> {
  const rows = await readKbFile(format, bytes);
  const { valid, rejections } = validateImportRows(rows);
  const counts = await db.transaction(async (tx) => {
    const written = await writeImportRows(tx, actor, valid, now);
    const result = { read: rows.length, ...written, rejected: rejections.length };
    await recordAudit(tx, actor, now, {
      action: 'import',
      entity: 'kb_articles',
      after: { format, ...result },
    });
    return result;
  });
  if (counts.imported + counts.updated > 0) await tidySearchIndex(db);
  return { ...counts, rejections };
}
