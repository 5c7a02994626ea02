import fs from 'node:fs';
import type { Command } from 'commander';
import type { Settings } from '../config.ts';
import type { LabelledDoc, TrainOutcome } from '../modules/triage/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { CliError } from './errors.ts';
import { withDatabase } from './open-database.ts';

function parseLevel(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new CliError(`--level must be an integer 1–5: ${value}`);
  return n;
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n >= 0.5)
    throw new CliError(`--hold-back must be between 0 and 0.5: ${value}`);
  return n;
}

const f4 = (x: number) => x.toFixed(4);

export function formatTrainOutcome(r: TrainOutcome): string {
  const lines = [
    `trained model v${r.version} (level ${r.level}, ${r.categories} categories) on ${r.trainingSize} orders in ${(r.trainMilliseconds / 1000).toFixed(1)} s`,
    `held back the ${r.heldBackSize} most recent orders:`,
    `  new model v${r.version}: accuracy ${f4(r.candidate.accuracy)}, macro-F1 ${f4(r.candidate.macroF1)}`,
    r.previous
      ? `  active v${r.previous.version}: accuracy ${f4(r.previous.accuracy)}, macro-F1 ${f4(r.previous.macroF1)}`
      : '  no active model',
    `${r.activated ? 'ACTIVATED' : 'NOT ACTIVATED'} — ${r.decision}`,
  ];
  if (r.rareCategoriesLeftOut)
    lines.splice(1, 0, `left out ${r.rareCategoriesLeftOut} categories with fewer than 3 orders`);
  return lines.join('\n');
}

async function readCsv(file: string, what: string): Promise<LabelledDoc[]> {
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
  const { readLabelledCsv } = await import('../modules/triage/index.ts');
  const csv = await readLabelledCsv(file);
  if (csv.rejected.length) {
    console.error(
      `${what}: ${csv.rejected.length} unusable rows left out (first: line ${csv.rejected[0]!.line}, ${csv.rejected[0]!.reason})`,
    );
  }
  if (csv.docs.length === 0) throw new CliError(`${what} ${file} has no usable rows`);
  return csv.docs;
}

/** The database's finished orders as labelled documents, labelled by the category's name at `level`. */
async function readHistory(settings: Settings, level: number): Promise<LabelledDoc[]> {
  const { loadHistory } = await import('../modules/triage/index.ts');
  return withDatabase(settings, 'triage evaluate', async (db) => {
    const history = await loadHistory(db.orm, level);
    return history.docs.map((d) => ({
      title: d.title,
      content: d.content,
      label: history.tree.byId.get(Number(d.label))!.name,
    }));
  });
}

export function registerTriageCommands(program: Command, settings: () => Settings): void {
  const cmd = program.command('triage').description('智能分派: train, evaluate and list dispatch models');

  cmd
    .command('train')
    .description(
      'train a model on the finished orders, compare it with the active one on the most recent part, activate it if better',
    )
    .option('--level <n>', 'category tree level to learn (1 = top)', '1')
    .option('--hold-back <share>', 'share of the most recent orders held back for the comparison', '0.2')
    .option('--min-orders <n>', 'refuse with fewer finished orders', '200')
    .option('--force', 'activate the new model even if it is not better')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (o: { level: string; holdBack: string; minOrders: string; force?: boolean; json?: boolean }) => {
        const level = parseLevel(o.level);
        const minOrders = Number(o.minOrders);
        if (!Number.isInteger(minOrders) || minOrders < 10)
          throw new CliError(`--min-orders must be an integer ≥ 10`);
        const { trainFromHistory } = await import('../modules/triage/index.ts');
        await withDatabase(settings(), 'triage train', async (db) => {
          const r = await trainFromHistory(
            db.orm,
            SYSTEM_ACTOR,
            { level, holdBack: parseShare(o.holdBack), force: o.force ?? false, minOrders },
            new Date(),
          );
          console.log(o.json ? JSON.stringify(r) : formatTrainOutcome(r));
        });
      },
    );

  cmd
    .command('evaluate')
    .description(
      'train on --train (or the database history) and score on --file; CSV columns id,title,detail,label',
    )
    .requiredOption('--file <csv>', 'labelled messages to score')
    .option('--train <csv>', 'labelled messages to train on (default: the database history)')
    .option('--level <n>', 'category level of the history labels (without --train)', '1')
    .option('--json', 'print { accuracy, macroF1, classes, … } as JSON')
    .action(async (o: { file: string; train?: string; level: string; json?: boolean }) => {
      const level = parseLevel(o.level);
      const test = await readCsv(o.file, '--file');
      const train = o.train ? await readCsv(o.train, '--train') : await readHistory(settings(), level);
      if (new Set(train.map((d) => d.label)).size < 2) {
        throw new CliError(`the training material has fewer than 2 categories (${train.length} rows)`);
      }
      const { evaluateClassifier } = await import('../modules/triage/index.ts');
      const e = evaluateClassifier(train, test);
      const classes = e.report.perClass.map((c) => ({
        label: c.label,
        precision: c.precision,
        recall: c.recall,
        f1: c.f1,
        support: c.support,
      }));
      const result = {
        accuracy: e.report.accuracy,
        macroF1: e.report.macroF1,
        classes,
        trainSize: train.length,
        testSize: test.length,
        trainedOn: o.train ? 'file' : 'history',
        trainMilliseconds: Math.round(e.trainMilliseconds),
      };
      if (o.json) {
        console.log(JSON.stringify(result));
        return;
      }
      const width = Math.max(8, ...classes.map((c) => c.label.length * 2));
      console.log(`trained on ${train.length} (${result.trainedOn}), scored ${test.length}`);
      console.log(`accuracy ${f4(result.accuracy)}  macro-F1 ${f4(result.macroF1)}`);
      console.log(`${'class'.padEnd(width)}  precision  recall  F1      support`);
      for (const c of classes) {
        const pad = width - c.label.length * 2 + c.label.length;
        console.log(
          `${c.label.padEnd(pad)}  ${f4(c.precision).padEnd(9)}  ${f4(c.recall)}  ${f4(c.f1)}  ${c.support}`,
        );
      }
    });

  cmd
    .command('models')
    .description('list the stored models, newest first')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const { listModels } = await import('../modules/triage/index.ts');
      await withDatabase(settings(), 'triage models', async (db) => {
        const items = await listModels(db.orm);
        if (o.json) return console.log(JSON.stringify({ items }));
        if (!items.length) return console.log('no models: run `hotline triage train`');
        for (const m of items) {
          console.log(
            `${m.active ? '*' : ' '} v${m.version}  level ${m.level}  ${m.trainedAt.toISOString()}  ${m.trainingSize}+${m.heldBackSize} orders  macro-F1 ${m.macroF1 == null ? '—' : f4(m.macroF1)}  ${m.decision}`,
          );
        }
      });
    });
}
