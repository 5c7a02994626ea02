/**
 * `hotline kb evaluate`: imports a labelled set into a fresh in-memory PGlite (never the configured
 * database), then measures search on it through searchArticles, the function behind /api/kb/search.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { queryRows } from '../db/rows.ts';
import type { EvaluationReport } from '../modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';

export interface EvaluationOutput extends EvaluationReport {
  articles: number;
  /** Time to build the search index on the first search (ms). */
  indexBuildMs: number;
}

function readBytes(file: string): Buffer {
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
  return fs.readFileSync(file);
}

export async function runEvaluation(
  articleFiles: readonly string[],
  queriesFile: string,
  now: Date,
  log: (line: string) => void,
): Promise<EvaluationOutput> {
  const k = await import('../modules/knowledge/index.ts');
  if (articleFiles.length === 0) throw new CliError('give at least one --articles file');
  let cases;
  try {
    cases = k.EvaluationCases.parse(JSON.parse(readBytes(queriesFile).toString('utf8')));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `${queriesFile}: expected a JSON array of {"query", "title"}: ${String(err).slice(0, 200)}`,
    );
  }
  const db = await openPglite();
  try {
    await migrateDatabase(db);
    for (const file of articleFiles) {
      const ext = path.extname(file).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') throw new CliError(`cannot tell the format of ${file}`);
      const r = await k.importKbFile(
        db.orm,
        SYSTEM_ACTOR,
        ext === '.csv' ? 'csv' : 'xlsx',
        readBytes(file),
        now,
      );
      log(`${file}: ${r.imported} imported, ${r.updated} updated, ${r.rejected} rejected`);
    }
    await k.tidySearchIndex(db.orm);
    const titles = await queryRows<{ title: string }>(
      db.orm,
      sql`select title from kb_articles where status = 'published'`,
    );
    const started = performance.now();
    await k.searchArticles(db.orm, cases[0]!.query, { limit: 1 }, now);
    const indexBuildMs = Math.round(performance.now() - started);
    const report = await k.evaluateSearch(db.orm, cases, new Set(titles.map((t) => t.title)), now);
    return { articles: titles.length, indexBuildMs, ...report };
  } finally {
    await db.close();
  }
}
