import { type ReactNode, useState } from 'react';
import { Descriptions, Empty, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { SCORECARD_FIGURE_LABELS } from '@shared/labels.ts';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { OrderBriefs } from '../quality/order-briefs.tsx';
import { type DrillFigure, pct, type ScorecardDetail } from './scorecard-api.ts';

/** The counts shown, each with the orders behind it; the rates beside their counts. */
const GROUPS: { title: string; counts: DrillFigure[]; rate?: keyof ScorecardDetail['department'] }[] = [
  { title: '签收', counts: ['received', 'signedOnTime'], rate: 'signedOnTimeRate' },
  { title: '答复时限', counts: ['due', 'handledOnTime', 'overdue'], rate: 'handledOnTimeRate' },
  {
    title: '退回',
    counts: ['returned', 'returnedOperatorFault', 'returnedNotOperatorFault', 'returnedUnjudged'],
  },
  { title: '延期', counts: ['extensions', 'extensionsApproved', 'extensionsRejected'] },
  {
    title: '群众满意度',
    counts: ['satisfied', 'basicallySatisfied', 'unsatisfied'],
    rate: 'satisfactionRate',
  },
  { title: '答复质量', counts: ['repliesGood', 'repliesFair', 'repliesPoor'], rate: 'replyGoodRate' },
];

type PlainFigure = keyof ScorecardDetail['department'] & keyof typeof SCORECARD_FIGURE_LABELS;
/** Figures counted per task or dispute rather than per order: shown without a drill-down. */
const PLAIN_GROUPS: { title: string; counts: PlainFigure[]; rate?: PlainFigure }[] = [
  {
    title: '协办',
    counts: ['coReceived', 'coAnsweredOnTime', 'coOverdue', 'coReleased'],
    rate: 'coOnTimeRate',
  },
  {
    title: '派单异议',
    counts: ['disputesRaised', 'disputesUpheld', 'disputesRedirected', 'disputesJoint'],
  },
  { title: '挂起', counts: ['pauseRequests', 'pausesApproved', 'pausedWorkingHours'] },
];

/** One group of figures: each count (a link to its orders, or plain), and the group's rate beside them. */
function FigureGroup({
  title,
  items,
  rate,
}: {
  title: string;
  items: { k: string; value: ReactNode }[];
  rate?: { k: string; value: number | null } | undefined;
}) {
  const label = (k: string) => SCORECARD_FIGURE_LABELS[k as keyof typeof SCORECARD_FIGURE_LABELS];
  return (
    <Descriptions title={title} size="small" column={4} bordered style={{ marginBottom: 12 }}>
      {items.map(({ k, value }) => (
        <Descriptions.Item key={k} label={label(k)}>
          {value}
        </Descriptions.Item>
      ))}
      {rate && <Descriptions.Item label={label(rate.k)}>{pct(rate.value)}</Descriptions.Item>}
    </Descriptions>
  );
}

/** One department's scorecard: every figure, and a click on a count lists the orders behind it. */
export function ScorecardDetailView({
  departmentId,
  params,
}: {
  departmentId: number;
  params: { from: string; to: string };
}) {
  const [figure, setFigure] = useState<DrillFigure | null>(null);
  const q = useQuery({
    queryKey: ['scorecards', departmentId, params.from, params.to],
    queryFn: () =>
      unwrap(
        client.GET('/api/departments/scorecards/{departmentId}', {
          params: { path: { departmentId }, query: params },
        }),
      ),
  });
  const d = q.data;
  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {d && (
        <div data-testid="scorecard-detail">
          <Typography.Title level={5}>{d.department.name}</Typography.Title>
          {GROUPS.map((g) => (
            <FigureGroup
              key={g.title}
              title={g.title}
              items={g.counts.map((k) => ({
                k,
                value: (
                  <Typography.Link data-testid={`figure-${k}`} onClick={() => setFigure(k)}>
                    {d.department[k]}
                  </Typography.Link>
                ),
              }))}
              rate={g.rate && { k: g.rate, value: d.department[g.rate] as number | null }}
            />
          ))}
          {PLAIN_GROUPS.map((g) => (
            <FigureGroup
              key={g.title}
              title={g.title}
              items={g.counts.map((k) => ({
                k,
                value: <span data-testid={`figure-${k}`}>{d.department[k] as number}</span>,
              }))}
              rate={g.rate && { k: g.rate, value: d.department[g.rate] as number | null }}
            />
          ))}
          <Typography.Paragraph type="secondary">
            答复评价 {d.department.repliesScored} 件，其中办公室复核 {d.department.repliesOverridden}{' '}
            件；答复平均分 {d.department.replyMeanScore ?? '—'}。按时签收指交办后 {d.signWithinHours}{' '}
            小时内签收。
          </Typography.Paragraph>
          {figure && (
            <>
              <Typography.Title level={5}>
                {SCORECARD_FIGURE_LABELS[figure]}：{d.drillDown[figure].orders} 件工单
              </Typography.Title>
              {d.drillDown[figure].orderIds.length ? (
                <OrderBriefs ids={d.drillDown[figure].orderIds} testId="scorecard-orders" />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有工单" />
              )}
            </>
          )}
        </div>
      )}
    </QueryState>
  );
}
