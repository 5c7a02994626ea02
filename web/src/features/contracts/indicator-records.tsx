import { Alert, Pagination, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiOk } from '../../api/responses.ts';
import { get } from '../../app/api.ts';
import { RecordIds } from '../quality/evidence.tsx';
import { EXCLUDED_REASON_LABELS } from '../quality/shared.ts';
import type { AssessedIndicator } from './shared.ts';

type RecordsPage = ApiOk<'/api/contracts/{id}/assessment/{indicator}/records'>;
type Part = RecordsPage['part'];

const PAGE_SIZE = 100;

/**
 * One part of an indicator's records, a page at a time, from the drill-down link the assessment gives
 * (issue 18: the assessment carries counts, not the records — a year counts hundreds of thousands).
 */
function PartRecords({
  link,
  part,
  entity,
  testId,
}: {
  link: string;
  part: Part;
  entity: string;
  testId: string;
}) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['contracts', 'drill-down', link, part, page],
    queryFn: () => get<RecordsPage>(`${link}&part=${part}&page=${page}&pageSize=${PAGE_SIZE}`),
  });
  const items = q.data?.items ?? [];
  const byReason = new Map<string, (number | string)[]>();
  if (part === 'excluded')
    for (const r of items) {
      const ids = byReason.get(r.reason ?? '');
      if (ids) ids.push(r.id);
      else byReason.set(r.reason ?? '', [r.id]);
    }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {q.isLoading && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {q.data &&
        (part === 'excluded' ? (
          [...byReason].map(([reason, ids]) => (
            <div key={reason}>
              <Typography.Text strong>{EXCLUDED_REASON_LABELS[reason] ?? reason}</Typography.Text>
              <RecordIds entity={entity} ids={ids} />
            </div>
          ))
        ) : (
          <RecordIds entity={entity} ids={items.map((r) => r.id)} testId={testId} />
        ))}
      {q.data && q.data.total > PAGE_SIZE && (
        <Pagination
          size="small"
          current={page}
          pageSize={PAGE_SIZE}
          total={q.data.total}
          showSizeChanger={false}
          onChange={setPage}
          showTotal={(t) => `共 ${t} 条`}
        />
      )}
    </Space>
  );
}

/** An indicator's evidence in the board's drawer: met, counted but not met, and left out, each paged. */
export function IndicatorRecords({ i }: { i: AssessedIndicator }) {
  const ev = i.evidence;
  const excluded = i.excluded.reduce((s, e) => s + e.count, 0);
  return (
    <div data-testid="evidence">
      {ev.listPage && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <Link to={ev.listPage} data-testid="evidence-drilldown">
              打开明细记录
            </Link>
          }
        />
      )}
      <Tabs
        size="small"
        destroyOnHidden
        items={[
          {
            key: 'met',
            label: `计入分子（${ev.met}）`,
            children: <PartRecords link={ev.drillDown} part="met" entity={ev.entity} testId="evidence-met" />,
          },
          {
            key: 'unmet',
            label: `计入分母、未计入分子（${ev.counted - ev.met}）`,
            children: (
              <PartRecords link={ev.drillDown} part="unmet" entity={ev.entity} testId="evidence-rest" />
            ),
          },
          ...(excluded
            ? [
                {
                  key: 'excluded',
                  label: `不计入（${excluded}）`,
                  children: (
                    <PartRecords
                      link={ev.drillDown}
                      part="excluded"
                      entity={ev.entity}
                      testId="evidence-excluded"
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
