/**
 * Smart dispatch as the platform runs it, on in-memory PGlite: `trainFromHistory` over 10,000 finished
 * orders (load, train on the older 8,000, score both models on the newest 2,000, store), the latency of one
 * suggestion (`suggestDispatch`, without HTTP: predict + the suggestion row) and of a duplicates search over
 * 3,000 open orders of the last 30 days.
 *
 *   npx tsx bench/triage.ts [messages.csv]
 *
 * Orders are the shared labelled messages (padded to 10,000 by recombining title and body within a
 * category) when the file is present, else the synthetic corpus of the tests.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openPglite } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createCategory, createDepartment } from '../src/modules/directory/index.ts';
import {
  findDuplicates,
  loadActiveModel,
  predict,
  readLabelledCsv,
  suggestDispatch,
  trainFromHistory,
  type LabelledDoc,
} from '../src/modules/triage/index.ts';
import { generateSyntheticDocs } from '../src/modules/triage/synthetic-docs.ts';
import { insertOrders, type OrderRow } from '../src/modules/triage/test-fixtures.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { percentile } from './support.ts';

const NOW = new Date('2026-03-03T10:00:00+08:00');
const DEFAULT_PATH = '/work/shared/data/messages-train.csv';
const DISTRICTS = ['源汇区', '郾城区', '召陵区', '舞阳县', '临颍县'];
const ROADS = ['人民路', '黄河路', '解放路', '交通路', '嵩山路', '泰山路', '长江路', '太行山路'];

async function loadDocs(path: string): Promise<LabelledDoc[]> {
  const source = fs.existsSync(path) ? (await readLabelledCsv(path)).docs : generateSyntheticDocs(2500);
  const byLabel = new Map<string, LabelledDoc[]>();
  for (const d of source) byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), d]);
  const out: LabelledDoc[] = [...source];
  for (let i = 0; out.length < 10_000; i++) {
    const doc = source[i % source.length]!;
    const peers = byLabel.get(doc.label)!;
    out.push({ title: doc.title, content: peers[(i * 7 + 3) % peers.length]!.content, label: doc.label });
  }
  // Shuffled deterministically, so the held-back (most recent) part has every category.
  return out
    .map((d, i) => ({ d, k: (i * 2654435761) % 4294967296 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.d);
}

export interface TriageBench {
  orders: number;
  trainSeconds: number;
  classifierSeconds: number;
  heldBackMacroF1: number;
  suggestP50Ms: number;
  suggestP99Ms: number;
  /** The classifier alone, without the suggestion row. */
  predictP50Ms: number;
  predictP99Ms: number;
  duplicatesCandidates: number;
  duplicatesP50Ms: number;
  duplicatesP99Ms: number;
}

export async function benchTriage(path = DEFAULT_PATH): Promise<TriageBench> {
  const db = await openPglite();
  try {
    await migrateDatabase(db);
    const docs = await loadDocs(path);
    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const categoryOf = new Map<string, number>();
    for (const [i, label] of labels.entries()) {
      const dept = await createDepartment(
        db.orm,
        SYSTEM_ACTOR,
        { code: `B${i}`, name: `${label}主管部门`, shortName: label, kind: 'municipal' },
        NOW,
      );
      const c = await createCategory(
        db.orm,
        SYSTEM_ACTOR,
        { code: `B${i}`, name: label, parentId: null, departmentId: dept.id, sortOrder: i },
        NOW,
      );
      categoryOf.set(label, c.id);
    }
    const history: OrderRow[] = docs.map((d, i) => ({
      title: d.title.slice(0, 100),
      content: d.content || d.title,
      categoryId: categoryOf.get(d.label)!,
      status: 'closed',
      receivedAt: new Date(NOW.getTime() - (docs.length - i) * 20 * 60_000 - 31 * 86_400_000),
    }));
    for (let i = 0; i < history.length; i += 1000) await insertOrders(db.orm, history.slice(i, i + 1000));

    const started = performance.now();
    const r = await trainFromHistory(db.orm, SYSTEM_ACTOR, {}, NOW);
    const trainSeconds = (performance.now() - started) / 1000;

    const queries = docs.slice(-2000).filter((d) => d.content.length > 0);
    await suggestDispatch(db.orm, SYSTEM_ACTOR, queries[0]!, NOW); // loads and caches the model
    const suggestMs: number[] = [];
    for (const q of queries.slice(0, 1000)) {
      const t0 = performance.now();
      await suggestDispatch(db.orm, SYSTEM_ACTOR, q, NOW);
      suggestMs.push(performance.now() - t0);
    }
    suggestMs.sort((a, b) => a - b);
    const active = (await loadActiveModel(db.orm))!;
    const predictMs: number[] = [];
    for (const q of queries.slice(0, 1000)) {
      const t0 = performance.now();
      predict(active.model, q);
      predictMs.push(performance.now() - t0);
    }
    predictMs.sort((a, b) => a - b);

    // 3,000 open orders over the last 30 days, with places, then 100 searches for some of them reworded.
    const open: OrderRow[] = docs.slice(0, 3000).map((d, i) => ({
      title: d.title.slice(0, 100),
      content: d.content || d.title,
      categoryId: categoryOf.get(d.label)!,
      status: i % 3 === 0 ? 'dispatched' : 'registered',
      receivedAt: new Date(NOW.getTime() - (i % 30) * 86_400_000 - i * 1000),
      district: DISTRICTS[i % DISTRICTS.length],
      address: `${ROADS[i % ROADS.length]}${(i % 97) + 1}号`,
    }));
    await insertOrders(db.orm, open);
    const dupMs: number[] = [];
    for (const [k, o] of open.slice(0, 100).entries()) {
      const t0 = performance.now();
      await findDuplicates(
        db.orm,
        {
          title: o.title,
          content: o.content.slice(k % 20),
          district: o.district ?? undefined,
          address: o.address ?? undefined,
        },
        NOW,
      );
      dupMs.push(performance.now() - t0);
    }
    dupMs.sort((a, b) => a - b);
    return {
      orders: docs.length,
      trainSeconds,
      classifierSeconds: r.trainMilliseconds / 1000,
      heldBackMacroF1: r.candidate.macroF1,
      suggestP50Ms: percentile(suggestMs, 50),
      suggestP99Ms: percentile(suggestMs, 99),
      predictP50Ms: percentile(predictMs, 50),
      predictP99Ms: percentile(predictMs, 99),
      duplicatesCandidates: open.length,
      duplicatesP50Ms: percentile(dupMs, 50),
      duplicatesP99Ms: percentile(dupMs, 99),
    };
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await benchTriage(process.argv[2] ?? DEFAULT_PATH);
  console.log(JSON.stringify(b, null, 2));
}
