import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import { endOfLocalDay, localDateOf, parseCityInstant, startOfLocalDay } from '../calendar/local-time.ts';
import { CliError } from './errors.ts';

interface ScanCliOptions {
  file: string;
  windowHours: string;
  baselineDays: string;
  stepHours: string;
  from?: string;
  to?: string;
  similarity?: string;
  centroidSimilarity?: string;
  minSize?: string;
  top: string;
  members: string;
  json?: boolean;
}

function parseNumberOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new CliError(`--${name} must be a number ≥ ${min}: ${value}`);
  return n;
}

function parseDateOption(name: string, value: string): Date {
  const d = parseCityInstant(value);
  if (!d)
    throw new CliError(`--${name} must be a date YYYY-MM-DD (Asia/Shanghai) or an ISO instant: ${value}`);
  return d;
}

/**
 * `hotline hot-topics scan`: the detector over a CSV history, day by day, printing the topic episodes.
 * Needs no database: it reads an export (or the message-board data) to evaluate and tune the detector.
 */
export function registerHotTopicCommands(program: Command, _settings: () => Settings): void {
  const cmd = program.command('hot-topics').description('热点问题: bursts of similar requests');
  cmd
    .command('scan')
    .description(
      'scan a CSV of requests (message_id|id, title, time, detail|content, like_count?, user_id?, category?, district?) day by day and print the topic episodes',
    )
    .requiredOption('--file <csv>', 'the requests')
    .option('--window-hours <h>', 'length of the detection window', '72')
    .option('--baseline-days <d>', 'days before the window taken as the usual level', '28')
    .option('--step-hours <h>', 'how far the window moves each step', '24')
    .option('--from <date>', 'first day scanned (Asia/Shanghai); default: the start of the data')
    .option('--to <date>', 'last day scanned (inclusive); default: the end of the data')
    .option('--similarity <x>', 'cosine linking two requests (default 0.15)')
    .option('--centroid-similarity <x>', 'cosine to the centroid to join a cluster (default 0.22)')
    .option('--min-size <n>', 'fewest people in a topic (default 3)')
    .option('--top <n>', 'episodes printed', '15')
    .option('--members <n>', 'member requests printed per episode (0: ids only)', '0')
    .option('--json', 'print the episodes as JSON')
    .action(async (o: ScanCliOptions) => runScan(o));
}

async function runScan(o: ScanCliOptions): Promise<void> {
  const hot = await import('../modules/training/index.ts');
  const { createSegmenter } = await import('../platform/text/segment.ts');
  const { PLACE_NAMES } = await import('../platform/text/user-dict.ts');
  if (!fs.existsSync(o.file)) throw new CliError(`no such file: ${o.file}`);
  const { requests, rejected } = hot.parseRequestsCsv(fs.readFileSync(o.file));
  if (requests.length === 0) throw new CliError(`no usable requests in ${o.file}`);
  const times = requests.map((r) => r.at.getTime()).sort((a, b) => a - b);
  // A few stray rows years before the rest must not make the baseline look complete when it is empty.
  const historyStart = new Date(times[Math.floor(times.length * 0.01)]!);
  const from = o.from ? parseDateOption('from', o.from) : startOfLocalDay(localDateOf(historyStart));
  const to = o.to
    ? endOfLocalDay(localDateOf(parseDateOption('to', o.to)))
    : endOfLocalDay(localDateOf(new Date(times.at(-1)!)));
  if (to <= from) throw new CliError('--to must not be before --from');
  const placeCodes = hot.collectPlaceCodes(requests.flatMap((r) => [r.title, r.content]));
  const started = performance.now();
  const scan = hot.scanHistory(requests, {
    from,
    to,
    historyStart,
    windowHours: parseNumberOption('window-hours', o.windowHours, 1),
    baselineDays: parseNumberOption('baseline-days', o.baselineDays, 0),
    stepHours: parseNumberOption('step-hours', o.stepHours, 1),
    pairSimilarity: o.similarity ? parseNumberOption('similarity', o.similarity, 0) : undefined,
    centroidSimilarity: o.centroidSimilarity
      ? parseNumberOption('centroid-similarity', o.centroidSimilarity, 0)
      : undefined,
    minClusterSize: o.minSize ? parseNumberOption('min-size', o.minSize, 2) : undefined,
    segmenter: createSegmenter(placeCodes),
    placeWords: [...placeCodes, ...PLACE_NAMES],
    maxResults: 50,
  });
  const seconds = (performance.now() - started) / 1000;
  const top = scan.episodes.slice(0, parseNumberOption('top', o.top, 1));
  if (o.json) {
    console.log(
      JSON.stringify({
        requests: requests.length,
        rejected: rejected.length,
        steps: scan.steps.length,
        seconds,
        episodes: top,
      }),
    );
    return;
  }
  console.log(
    `${requests.length} requests (${rejected.length} rejected), ${scan.steps.length} steps ${localDateOf(from)} – ${localDateOf(new Date(to.getTime() - 1))}, ` +
      `${scan.episodes.length} episodes in ${seconds.toFixed(2)} s`,
  );
  for (const r of rejected.slice(0, 5))
    console.log(`  line ${r.line}: ${r.reason}${r.id ? ` (${r.id})` : ''}`);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const shown = parseNumberOption('members', o.members, 0);
  for (const e of top) {
    console.log(
      `\n#${e.rank} ${localDateOf(e.start)} – ${localDateOf(e.end)} (peak ${localDateOf(new Date(e.peakAt.getTime() - 1))}, ${e.detections} days)  ` +
        `score ${e.peakScore.toFixed(1)}  ${e.count} requests, ${e.people} people, weight ${e.weightedCount}  ` +
        `growth ×${e.peakGrowth.toFixed(1)} (${e.peakCount} in window vs ${e.peakExpected.toFixed(1)} usual)`,
    );
    console.log(`   label: ${e.label.join(' ')}`);
    console.log(`   title: ${e.title} [${e.representativeId}]`);
    const places = e.districts
      .slice(0, 4)
      .map((d) => `${d.name}×${d.count}`)
      .join(' ');
    if (places) console.log(`   districts: ${places}`);
    if (shown === 0) {
      const more = e.memberIds.length > 8 ? ` … (+${e.memberIds.length - 8})` : '';
      console.log(`   members: ${e.memberIds.slice(0, 8).join(', ')}${more}`);
    }
    for (const id of e.memberIds.slice(0, shown)) {
      const r = byId.get(id)!;
      console.log(`   - ${r.id} ${localDateOf(r.at)} +${(r.weight ?? 1) - 1} ${r.caller ?? ''} ${r.title}`);
    }
  }
}
