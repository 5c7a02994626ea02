import { SCORECARD_FIGURE_LABELS } from '../../shared/labels.ts';
import type { CellFormat, ReportDocument } from './document.ts';
import type { DepartmentScorecard } from './scorecard-rules.ts';
import type { Scorecards } from './scorecard-service.ts';

/** The scorecard table's columns, in print order, with their cell format. */
const COLUMNS: [keyof DepartmentScorecard, CellFormat][] = [
  ['received', 'int'],
  ['signedOnTime', 'int'],
  ['signedOnTimeRate', 'pct'],
  ['due', 'int'],
  ['handledOnTime', 'int'],
  ['handledOnTimeRate', 'pct'],
  ['overdue', 'int'],
  ['returned', 'int'],
  ['returnedOperatorFault', 'int'],
  ['returnedNotOperatorFault', 'int'],
  ['returnedUnjudged', 'int'],
  ['extensions', 'int'],
  ['satisfied', 'int'],
  ['basicallySatisfied', 'int'],
  ['unsatisfied', 'int'],
  ['satisfactionRate', 'pct'],
  ['repliesScored', 'int'],
  ['repliesGood', 'int'],
  ['repliesFair', 'int'],
  ['repliesPoor', 'int'],
  ['replyGoodRate', 'pct'],
  ['replyMeanScore', 'dec1'],
  ['coReceived', 'int'],
  ['coAnsweredOnTime', 'int'],
  ['coOverdue', 'int'],
  ['coOnTimeRate', 'pct'],
  ['disputesRaised', 'int'],
  ['disputesUpheld', 'int'],
  ['disputesRedirected', 'int'],
  ['disputesJoint', 'int'],
  ['pauseRequests', 'int'],
  ['pausesApproved', 'int'],
  ['pausedWorkingHours', 'dec1'],
];

/** 部门考评 as a document (the XLSX export): one row a department. */
export function scorecardDocument(s: Scorecards): ReportDocument {
  return {
    title: `承办单位考评（${s.from} 至 ${s.to}，不含）`,
    meta: [
      `按时签收：交办后 ${s.signWithinHours} 小时内；满意率${s.basicallySatisfiedCounts ? '含' : '不含'}基本满意`,
    ],
    fileName: `scorecards-${s.from}-${s.to}`,
    sections: [
      {
        title: '各单位考评',
        blocks: [
          {
            kind: 'table',
            title: '承办单位考评',
            sheet: '部门考评',
            columns: [
              { title: '承办单位' },
              ...COLUMNS.map(([k, format]) => ({
                title: SCORECARD_FIGURE_LABELS[k as keyof typeof SCORECARD_FIGURE_LABELS],
                format,
              })),
            ],
            rows: s.departments.map((d) => [d.name, ...COLUMNS.map(([k]) => d[k] as number | null)]),
          },
        ],
      },
    ],
  };
}
