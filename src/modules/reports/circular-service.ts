import { addDays } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { readSetting } from '../../platform/settings.ts';
import { type CircularRow, scoreDepartments } from './circular-score.ts';
import type { ReportDocument } from './document.ts';
import { cityMinute } from './labels.ts';
import { buildScorecards } from './scorecard-service.ts';
import { CIRCULAR_WEIGHTS, type CircularWeights } from './settings.ts';

export interface Circular {
  from: string;
  to: string;
  generatedAt: Date;
  weights: CircularWeights;
  signWithinHours: number;
  basicallySatisfiedCounts: boolean;
  departments: CircularRow[];
}

/** 通报 — every department's dispatch and handling figures over the period, scored and ranked. */
export async function buildCircular(
  db: DbOrTx,
  fromDay: string,
  toDay: string,
  now: Date,
): Promise<Circular> {
  const weights = await readSetting(db, CIRCULAR_WEIGHTS);
  // The figures are the department scorecards' (scorecard-service.ts): the circular only weighs and ranks them.
  const { departments, ...cards } = await buildScorecards(db, fromDay, toDay, now);
  return { ...cards, generatedAt: now, weights, departments: scoreDepartments(departments, weights) };
}

/** The circular as a document: the rule, the ranking table, the best and the last named. */
export function circularDocument(c: Circular, issuer: string): ReportDocument {
  const ranked = c.departments.filter((d) => d.rank != null);
  const w = c.weights;
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  return {
    title: `关于${c.from}至${addDays(c.to, -1)}各承办单位工单办理情况的通报`,
    meta: [issuer, `统计期间：${c.from} 至 ${c.to}（不含）`, `生成时间：${cityMinute(c.generatedAt)}`],
    fileName: `circular-${c.from}-${c.to}`,
    sections: [
      {
        title: '总体情况',
        blocks: [
          {
            kind: 'text',
            text:
              `本期共有 ${c.departments.length} 个承办单位接收或办理工单，参与排名 ${ranked.length} 个。` +
              (first && last && first !== last
                ? `综合得分最高的为${first.name}（${first.score} 分），最低的为${last.name}（${last.score} 分）。`
                : ''),
          },
        ],
      },
      {
        title: '评分办法',
        blocks: [
          {
            kind: 'text',
            text:
              `综合得分 = 按时签收率 × ${w.signedOnTime}% + 按时办结率 × ${w.handledOnTime}% + 未退回率 × ${w.notReturned}% + 满意率 × ${w.satisfaction}%（百分制）。` +
              `按时签收指交办后 ${c.signWithinHours} 小时内签收；满意率${c.basicallySatisfiedCounts ? '含' : '不含'}基本满意；某项无可计量数据的，该项不计，其余各项按权重折算。答复良好率（答复意见评价，以办公室复核结论为准）列示备查，不计入综合得分。`,
          },
        ],
      },
      {
        title: '各单位排名',
        blocks: [
          {
            kind: 'table',
            title: '承办单位工单办理情况及排名',
            sheet: '通报排名',
            columns: [
              { title: '排名', format: 'int' },
              { title: '承办单位' },
              { title: '接收', format: 'int' },
              { title: '按时签收', format: 'int' },
              { title: '按时办结', format: 'int' },
              { title: '超期', format: 'int' },
              { title: '退回', format: 'int' },
              { title: '其中单位原因', format: 'int' },
              { title: '延期', format: 'int' },
              { title: '满意率', format: 'pct' },
              { title: '答复良好率', format: 'pct' },
              { title: '综合得分', format: 'dec1' },
            ],
            rows: c.departments.map((d) => [
              d.rank,
              d.name,
              d.received,
              d.signedOnTime,
              d.handledOnTime,
              d.overdue,
              d.returned,
              d.returnedNotOperatorFault,
              d.extensions,
              d.satisfactionRate,
              d.replyGoodRate,
              d.score,
            ]),
          },
        ],
      },
    ],
  };
}

/** The circular in the three formats; `onProgress(step, fraction)` as each is written (the CLI's `--json` lines). */
export async function writeCircularFiles(
  db: DbOrTx,
  from: string,
  to: string,
  now: Date,
  onProgress: (step: string, fraction: number) => void = () => {},
) {
  const { writeDocx } = await import('./docx-writer.ts');
  const { writePdf } = await import('./pdf-writer.ts');
  const { writeXlsx } = await import('./xlsx-writer.ts');
  onProgress('figures', 0.1);
  const circular = await buildCircular(db, from, to, now);
  const doc = circularDocument(circular, '12345政务服务便民热线');
  onProgress('docx', 0.4);
  const docx = await writeDocx(doc);
  onProgress('pdf', 0.6);
  const pdf = await writePdf(doc);
  onProgress('xlsx', 0.85);
  const xlsx = await writeXlsx(doc);
  onProgress('done', 1);
  return { circular, fileName: doc.fileName, files: { docx, pdf, xlsx } };
}
