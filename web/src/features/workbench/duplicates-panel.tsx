import { Card, List, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { StatusTag } from '../../components/order-tags.tsx';
import { DUPLICATE_REASON_ZH, useDebounced, type DuplicateCandidate } from './intake-assist-api.ts';

const MIN_CHARS = 6;

export interface DuplicateQuery {
  title?: string;
  content?: string;
  district?: string;
  address?: string;
  phone?: string;
}

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * 疑似重复 — open orders that look like the one being registered (same matter, place or caller), so the agent
 * can merge instead of dispatching twice. Shown only when there is something to show; failures stay silent.
 */
export function DuplicatesPanel({ value }: { value: DuplicateQuery }) {
  const input = useDebounced(
    {
      title: clean(value.title),
      content: clean(value.content) ?? '',
      district: clean(value.district),
      address: clean(value.address),
      phone: clean(value.phone),
    },
    800,
  );
  const enabled = input.content.length >= MIN_CHARS;
  const q = useQuery({
    queryKey: ['triage', 'duplicates', input],
    queryFn: () => post<{ items: DuplicateCandidate[] }>('/api/triage/duplicates', input),
    enabled,
    retry: false,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const items = enabled && !q.error ? (q.data?.items ?? []) : [];
  if (!items.length) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          疑似重复
          <Tag color="orange">{items.length}</Tag>
        </Space>
      }
      data-testid="duplicates-panel"
    >
      <List
        size="small"
        dataSource={items.slice(0, 5)}
        renderItem={(d) => (
          <List.Item key={d.orderId} data-testid="duplicate-item">
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Link to={`/orders/${d.orderId}`} target="_blank">
                  {d.number}
                </Link>
                <StatusTag status={d.status} />
                <Typography.Text type="secondary">{fmtTime(d.receivedAt)}</Typography.Text>
                <Tag color="orange">相似度 {Math.round(d.score <= 1 ? d.score * 100 : d.score)}%</Tag>
              </Space>
              <Typography.Text ellipsis title={d.title}>
                {d.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[d.district, d.address].filter(Boolean).join(' ')}
                {d.reasons.length
                  ? `（${d.reasons.map((r) => DUPLICATE_REASON_ZH[r] ?? r).join('、')}）`
                  : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
