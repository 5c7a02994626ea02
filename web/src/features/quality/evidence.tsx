import { Alert, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { drillPath, EXCLUDED_REASON_LABELS } from './shared.ts';
import { OrderBriefs } from './order-briefs.tsx';

type Id = number | string;

/** Where each kind of counted record is shown: one record's page, or a list filtered to the ids. */
const RECORD_PAGE: Record<string, { label: string; one?: (id: Id) => string; list?: string }> = {
  order: { label: '工单', one: (id) => `/orders/${id}` },
  service_complaint: { label: '服务投诉', list: '/quality/complaints' },
  opinion_incident: { label: '舆论事件', list: '/quality/incidents' },
  assistance_task: { label: '协助监督任务', list: '/quality/tasks' },
  report: { label: '分析报告', list: '/contracts/reports' },
  roster_member: { label: '团队人员', list: '/workforce' },
  rating: { label: '评价' },
  call: { label: '通话' },
  order_dispatch: { label: '交办记录' },
  hot_topic: { label: '热点问题' },
  kb_notice: { label: '知识库更新通知' },
  standard: { label: '标准' },
};

const SHOWN = 300;

const ratingLabel = (id: Id) => {
  const [kind, n] = String(id).split(':');
  return kind === 'call' ? `IVR 评价 #${n}` : kind === 'callback' ? `回访 #${n}` : String(id);
};

/** The ids a figure counts, each a link where the record has a page. */
export function RecordIds({ entity, ids, testId }: { entity: string; ids: Id[]; testId?: string }) {
  const page = RECORD_PAGE[entity] ?? { label: entity };
  if (!ids.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" />;
  if (entity === 'order') {
    const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return <OrderBriefs ids={[...new Set(numeric)].slice(0, 500)} testId={testId} />;
  }
  const sorted = [...ids].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), 'en', { numeric: true }),
  );
  return (
    <div data-testid={testId}>
      {page.list && (
        <Typography.Paragraph>
          <Link to={drillPath(page.list, ids)}>
            在{page.label}列表中查看这 {ids.length} 条
          </Link>
        </Typography.Paragraph>
      )}
      <Space size={[4, 4]} wrap>
        {sorted.slice(0, SHOWN).map((id) =>
          page.one ? (
            <Link key={String(id)} to={page.one(id)}>
              <Tag color="blue">#{id}</Tag>
            </Link>
          ) : (
            <Tag key={String(id)}>{entity === 'rating' ? ratingLabel(id) : `#${id}`}</Tag>
          ),
        )}
      </Space>
      {ids.length > SHOWN && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          …及另外 {ids.length - SHOWN} 条
        </Typography.Paragraph>
      )}
    </div>
  );
}

/**
 * A figure's evidence: the records in the numerator, those counted in the denominator only, and those left out
 * with the reason. `metLabel`/`restLabel` name the two sides (e.g. 已回访 / 未按时回访).
 */
export function EvidenceView({
  entity,
  counted,
  met,
  excluded = [],
  drillDown,
  metLabel = '计入分子',
  restLabel = '计入分母、未计入分子',
}: {
  entity: string;
  counted: Id[];
  met: Id[];
  excluded?: { reason: string; ids: Id[] }[];
  drillDown?: string;
  metLabel?: string;
  restLabel?: string;
}) {
  const metSet = new Set(met.map(String));
  const rest = counted.filter((id) => !metSet.has(String(id)));
  const left = excluded.filter((e) => e.ids.length);
  return (
    <div data-testid="evidence">
      {drillDown && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <Link to={drillDown} data-testid="evidence-drilldown">
              打开明细记录
            </Link>
          }
        />
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'met',
            label: `${metLabel}（${met.length}）`,
            children: <RecordIds entity={entity} ids={met} testId="evidence-met" />,
          },
          {
            key: 'rest',
            label: `${restLabel}（${rest.length}）`,
            children: <RecordIds entity={entity} ids={rest} testId="evidence-rest" />,
          },
          ...(left.length
            ? [
                {
                  key: 'excluded',
                  label: `不计入（${left.reduce((s, e) => s + e.ids.length, 0)}）`,
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {left.map((e) => (
                        <div key={e.reason}>
                          <Typography.Text strong>
                            {EXCLUDED_REASON_LABELS[e.reason] ?? e.reason}（{e.ids.length}）
                          </Typography.Text>
                          <RecordIds entity={entity} ids={e.ids} />
                        </div>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
