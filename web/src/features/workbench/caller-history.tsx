import { useEffect, useState } from 'react';
import { Alert, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, qs } from '../../app/api.ts';
import { fmtDate } from '../../app/format.ts';
import type { OrderPage } from '../../api/models.ts';
import { StatusTag } from '../../components/order-tags.tsx';
import { errorText } from '../../components/query-state.tsx';
import { PHONE_LOOKUP_MIN_DIGITS, PHONE_PATTERN } from './constants.ts';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The number as the lookup uses it, or null while it is too short or malformed to look up. */
export function lookupPhone(phone: string | undefined): string | null {
  const p = phone?.trim() ?? '';
  if (!PHONE_PATTERN.test(p) || p.replace(/\D/g, '').length < PHONE_LOOKUP_MIN_DIGITS) return null;
  return p;
}

/**
 * 来电历史 — the caller's earlier orders, looked up as the agent types the number (debounced), so a repeat
 * caller is recognised while still on the line. Links open in a new tab to keep the form being filled.
 */
export function CallerHistory({ phone }: { phone: string | undefined }) {
  const wanted = useDebounced(lookupPhone(phone), 400);
  const q = useQuery({
    queryKey: ['orders', 'caller-history', wanted],
    queryFn: () =>
      get<OrderPage>(`/api/orders${qs({ callerPhone: wanted, pageSize: 5, sort: '-receivedAt' })}`),
    enabled: wanted != null,
    staleTime: 30_000,
  });
  let body;
  if (wanted == null) {
    body = (
      <Typography.Text type="secondary">
        输入来电号码（至少 {PHONE_LOOKUP_MIN_DIGITS} 位数字）后显示该号码的历史工单
      </Typography.Text>
    );
  } else if (q.isLoading) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (q.error) {
    body = <Alert type="error" showIcon message={errorText(q.error)} />;
  } else if (!q.data?.items.length) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该号码没有历史工单（首次来电）" />;
  } else {
    body = (
      <>
        <Typography.Text type={q.data.total > 1 ? 'warning' : 'secondary'}>
          该号码共有 {q.data.total} 条历史工单{q.data.total > 5 ? '，显示最近 5 条' : ''}，请留意是否重复来电
        </Typography.Text>
        <List
          size="small"
          dataSource={q.data.items}
          renderItem={(o) => (
            <List.Item data-testid="caller-history-item">
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Link to={`/orders/${o.id}`} target="_blank">
                    {o.number}
                  </Link>
                  <Typography.Text type="secondary">{fmtDate(o.receivedAt)}</Typography.Text>
                  <StatusTag status={o.status} />
                </Space>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }} title={o.title}>
                  {o.title}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </>
    );
  }
  return (
    <Card size="small" title="来电历史" data-testid="caller-history">
      {body}
    </Card>
  );
}
