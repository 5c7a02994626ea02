import { Table, Tag, Typography } from 'antd';
import { READING_LABELS, type Reading } from './shared.ts';

const show = (v: unknown) =>
  v !== null && typeof v === 'object'
    ? Object.entries(v)
        .map(([k, x]) => `${k}: ${String(x)}`)
        .join('，')
    : String(v);

/** The contract's readings: each ambiguous clause, the value used, whether it is the documented default. */
export function ReadingsTable({ readings }: { readings: Reading[] }) {
  return (
    <Table<Reading>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={readings}
      data-testid="readings"
      expandable={{
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0 }} type="secondary">
            {r.question}
            <br />
            {r.options}
          </Typography.Paragraph>
        ),
      }}
      columns={[
        {
          title: '解释事项',
          key: 'key',
          width: 220,
          render: (_, r) => (
            <>
              <div>{r.labelZh ?? READING_LABELS[r.key] ?? r.key}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.key}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '采用',
          key: 'value',
          width: 240,
          render: (_, r) => (
            <>
              {r.valueZh ?? <Typography.Text code>{show(r.value)}</Typography.Text>}{' '}
              {r.isDefault ? <Tag>默认</Tag> : <Tag color="orange">已调整</Tag>}
            </>
          ),
        },
        { title: '所解释的条款', key: 'clause', render: (_, r) => r.clauseZh ?? r.clause },
      ]}
    />
  );
}
