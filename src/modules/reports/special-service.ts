import { localDateOf } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { validationFailed } from '../../platform/errors.ts';
import { ordersForSpecialReport } from '../orders/index.ts';
import { getHotTopic } from '../training/index.ts';
import type { ReportDocument, TableBlock } from './document.ts';
import { CHANNEL_LABELS, cityMinute, STATUS_LABELS } from './labels.ts';

type SpecialOrder = Awaited<ReturnType<typeof ordersForSpecialReport>>[number];

/** What a special report covers: a hot topic's orders, or a chosen set of order numbers. */
export type SpecialSubject = { hotTopicId: number } | { orderNumbers: string[] };

function countBy(orders: SpecialOrder[], key: (o: SpecialOrder) => string) {
  const m = new Map<string, number>();
  for (const o of orders) m.set(key(o), (m.get(key(o)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const table = (title: string, head: string, rows: [string, number][]): TableBlock => ({
  kind: 'table',
  title,
  columns: [{ title: head }, { title: '件数', format: 'int' }],
  rows,
});

/** Up to five messages spread over the period (first, last and between), already masked by the orders module. */
function representative(orders: SpecialOrder[]): SpecialOrder[] {
  if (orders.length <= 5) return orders;
  return [0, 1, 2, 3, 4].map((i) => orders[Math.round((i * (orders.length - 1)) / 4)]!);
}

/** 专报 — a hot topic or chosen orders: timeline, places, counts, representative messages, departments, status. */
export async function buildSpecialReport(
  db: DbOrTx,
  subject: SpecialSubject,
  now: Date,
  issuer: string,
): Promise<ReportDocument> {
  let title: string;
  let brief: string | null = null;
  let orders: SpecialOrder[];
  if ('hotTopicId' in subject) {
    const topic = await getHotTopic(db, subject.hotTopicId, now);
    title = topic.title;
    brief = topic.brief;
    orders = await ordersForSpecialReport(db, { ids: topic.orderIds });
  } else {
    if (!subject.orderNumbers.length || subject.orderNumbers.length > 2000)
      throw validationFailed([{ field: 'orders', message: '1–2000 order numbers' }]);
    orders = await ordersForSpecialReport(db, { numbers: subject.orderNumbers });
    if (!orders.length) throw validationFailed([{ field: 'orders', message: 'no such orders' }]);
    title = orders[0]!.title;
  }
  const days = countBy(orders, (o) => localDateOf(o.receivedAt)).sort((a, b) => a[0].localeCompare(b[0]));
  const first = days[0]?.[0] ?? '—';
  const last = days[days.length - 1]?.[0] ?? '—';
  const open = orders.filter((o) => !['closed', 'archived', 'merged'].includes(o.status)).length;
  return {
    title: `关于“${title}”的专报`,
    meta: [issuer, `生成时间：${cityMinute(now)}`],
    fileName:
      'hotTopicId' in subject
        ? `special-hot-topic-${subject.hotTopicId}`
        : `special-orders-${orders[0]?.number ?? ''}`,
    sections: [
      {
        title: '基本情况',
        blocks: [
          {
            kind: 'text',
            text:
              `${first} 至 ${last}，热线共受理相关诉求 ${orders.length} 件，涉及 ${countBy(orders, (o) => o.district ?? '未填').length} 个区县、` +
              `${countBy(orders, (o) => o.department ?? '未交办').length} 个承办单位；目前已办结 ${orders.length - open} 件，在办 ${open} 件。${brief ?? ''}`,
          },
        ],
      },
      { title: '时间分布', blocks: [table('每日受理量', '日期', days)] },
      {
        title: '地点分布',
        blocks: [
          table(
            '按区县',
            '区县',
            countBy(orders, (o) => o.district ?? '未填'),
          ),
          table('按地址（前 10）', '地址', countBy(orders, (o) => o.address ?? '未填').slice(0, 10)),
        ],
      },
      {
        title: '代表性诉求',
        blocks: representative(orders).map((o) => ({
          kind: 'text' as const,
          text: `${o.number}（${cityMinute(o.receivedAt)}，${CHANNEL_LABELS[o.channel] ?? o.channel}，${o.district ?? ''}）：${o.content}`,
        })),
      },
      {
        title: '涉及部门',
        blocks: [
          table(
            '承办单位',
            '承办单位',
            countBy(orders, (o) => o.department ?? '未交办'),
          ),
        ],
      },
      {
        title: '办理状态',
        blocks: [
          table(
            '当前状态',
            '状态',
            countBy(orders, (o) => STATUS_LABELS[o.status] ?? o.status),
          ),
        ],
      },
    ],
  };
}

/** The special report as DOCX and PDF. */
export async function writeSpecialFiles(db: DbOrTx, subject: SpecialSubject, now: Date) {
  const { writeDocx } = await import('./docx-writer.ts');
  const { writePdf } = await import('./pdf-writer.ts');
  const doc = await buildSpecialReport(db, subject, now, '12345政务服务便民热线');
  return { fileName: doc.fileName, files: { docx: await writeDocx(doc), pdf: await writePdf(doc) } };
}
