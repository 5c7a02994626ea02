import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { EvaluationReport, SearchOptions, SearchResult } from '../modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

/** csv or xlsx, from the file's extension. */
function formatOf(file: string): 'csv' | 'xlsx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new CliError(`cannot tell the format of ${file}: name it .csv or .xlsx`);
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new CliError(`--limit must be an integer 1–50: ${value}`);
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function formatEvaluation(r: EvaluationReport): string {
  const l = r.latencyMs;
  return [
    `${r.queries} queries (${r.unknownTitles} left out: their title is not in the articles)`,
    `recall@1 ${r.recallAt1.toFixed(3)}  recall@5 ${r.recallAt5.toFixed(3)}  MRR@10 ${r.mrr.toFixed(3)}  not in top 10: ${r.notFound}`,
    `latency ms: p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99}  mean ${l.mean}  max ${l.max}`,
  ].join('\n');
}

/** The CLI's search: the same function (and so the same ranking) as GET /api/kb/search. */
export async function searchForCli(
  db: Db,
  text: string,
  options: SearchOptions,
  now: Date,
): Promise<{ results: SearchResult[] }> {
  const { searchArticles } = await import('../modules/knowledge/index.ts');
  const { results } = await searchArticles(db.orm, text, options, now);
  return { results };
}

/** Rank, score, title, then the snippet with its marks as 【】. */
export async function formatSearchText(results: readonly SearchResult[]): Promise<string> {
  const { snippetToText } = await import('../modules/knowledge/index.ts');
  if (results.length === 0) return '（无结果）no results';
  return results
    .map((r, i) => {
      const flag = r.expired ? ' [已失效 expired]' : '';
      return `${i + 1}. ${r.score.toFixed(4)}  ${r.title}${flag}\n   ${snippetToText(r.snippet)}`;
    })
    .join('\n');
}

export function registerKbCommands(program: Command, settings: () => Settings): void {
  const kb = program.command('kb').description('knowledge base (知识库): import, export, search');

  kb.command('import <file>')
    .description(
      'import articles from .csv or .xlsx (类目,标题,内容,发文单位,材料性质,关键字; ≤ 1,000 rows); bad rows are reported',
    )
    .option('--json', 'print the counts and rejections as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const format = formatOf(file);
      if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
      const bytes = fs.readFileSync(file);
      const { importKbFile } = await import('../modules/knowledge/index.ts');
      await withDatabase(settings(), 'kb import', async (db) => {
        const r = await importKbFile(db.orm, SYSTEM_ACTOR, format, bytes, new Date());
        if (o.json) {
          console.log(JSON.stringify(r));
          return;
        }
        console.log(
          `read ${r.read} rows: ${r.imported} imported, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`,
        );
        for (const x of r.rejections) console.log(`  row ${x.row}: ${x.reason}`);
      });
    });

  kb.command('export <file>')
    .description('export articles to .csv or .xlsx in the import columns')
    .option('--status <status>', 'draft | published | retired')
    .option('--kind <kind>', '材料性质')
    .option('--category <path>', 'category path prefix, "/"-separated')
    .action(async (file: string, o: { status?: string; kind?: string; category?: string }) => {
      const format = formatOf(file);
      const { ARTICLE_STATUSES, cityToday, exportKbFile } = await import('../modules/knowledge/index.ts');
      if (o.status && !(ARTICLE_STATUSES as readonly string[]).includes(o.status)) {
        throw new CliError(`--status must be one of ${ARTICLE_STATUSES.join(', ')}`);
      }
      await withDatabase(settings(), 'kb export', async (db) => {
        const filter = { status: o.status as never, kind: o.kind, category: o.category };
        const out = await exportKbFile(db.orm, format, filter, cityToday(new Date()));
        fs.writeFileSync(file, out.body);
        console.log(`wrote ${out.rows} articles to ${file}`);
      });
    });

  kb.command('search <text>')
    .description('search current articles as agents do (a few words or a whole citizen request)')
    .option('--limit <n>', 'results, 1–50', '10')
    .option('--include-expired', 'also list expired articles (flagged, after the current ones)')
    .option('--kind <kind>', '材料性质')
    .option('--category <path>', 'category path prefix')
    .option('--issuer <issuer>', 'part of the issuer (发文单位)')
    .option('--json', 'print { results: [...] } as JSON')
    .action(
      async (
        text: string,
        o: {
          limit: string;
          includeExpired?: boolean;
          kind?: string;
          category?: string;
          issuer?: string;
          json?: boolean;
        },
      ) => {
        if (!text.trim()) throw new CliError('give the text to search for');
        const options: SearchOptions = {
          limit: parseLimit(o.limit),
          includeExpired: o.includeExpired ?? false,
          kind: o.kind,
          category: o.category,
          issuer: o.issuer,
        };
        await withDatabase(settings(), 'kb search', async (db) => {
          const answer = await searchForCli(db, text, options, new Date());
          console.log(o.json ? JSON.stringify(answer) : await formatSearchText(answer.results));
        });
      },
    );

  kb.command('evaluate')
    .description(
      'search quality on a labelled set: import the articles into a fresh in-memory database, search each query as the API does, print recall@1, recall@5, MRR@10 and latency',
    )
    .requiredOption(
      '--articles <file>',
      'articles in the import columns (.csv/.xlsx); repeat for more files',
      collect,
      [],
    )
    .requiredOption('--queries <file>', 'JSON: [{"query": "…", "title": "title of the right article"}]')
    .option('--json', 'print the report as JSON')
    .action(async (o: { articles: string[]; queries: string; json?: boolean }) => {
      const { runEvaluation } = await import('./kb-evaluate.ts');
      const report = await runEvaluation(o.articles, o.queries, new Date(), (line) => {
        if (!o.json) console.log(line);
      });
      console.log(o.json ? JSON.stringify(report) : formatEvaluation(report));
    });

  kb.command('reindex')
    .description("rebuild every article's search index with the current user dictionary")
    .action(async () => {
      const { reindexWithDictionary, tidySearchIndex } = await import('../modules/knowledge/index.ts');
      await withDatabase(settings(), 'kb reindex', async (db) => {
        const r = await db.orm.transaction((tx) => reindexWithDictionary(tx));
        await tidySearchIndex(db.orm);
        console.log(`re-indexed ${r.articles} articles in ${r.ms} ms`);
      });
    });
}
