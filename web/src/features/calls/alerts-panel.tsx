import type React from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import { ALERT_SEVERITY_LABELS } from '../../app/labels.ts';
import type { PlatformAlert } from './types.ts';
import { errorText, QueryState } from '../../components/query-state.tsx';

const SEVERITY_COLORS: Record<string, string> = { critical: 'red', warning: 'orange', info: 'blue' };

/** Open alerts (`GET /api/alerts`): an outage past the contract's hours and the like, each to acknowledge. */
export function AlertsPanel() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['alerts', 'open'],
    queryFn: () => unwrap(client.GET('/api/alerts', { params: { query: { open: 'true' } } })),
    refetchInterval: 60_000,
  });
  const ack = useMutation({
    mutationFn: (id: number) =>
      unwrap(client.POST('/api/alerts/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => {
      message.success('已确认');
      queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
    onError: (err) => message.error(errorText(err)),
  });
  const items = q.data?.items ?? [];
  const critical = items.filter((a) => a.severity === 'critical').length;
  return (
    <Card
      size="small"
      title={
        <Space>
          待处理提醒
          {items.length > 0 && <Tag color={critical ? 'red' : 'orange'}>{items.length}</Tag>}
        </Space>
      }
      data-testid="incidents-alerts"
    >
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {!items.length && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="没有待处理的提醒"
            style={{ margin: '8px 0' }}
          />
        )}
        {critical > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${critical} 条严重提醒：可能影响合同履行，请立即处理并确认`}
          />
        )}
        {items.length > 0 && (
          <Table<PlatformAlert>
            rowKey="id"
            size="small"
            pagination={false}
            showHeader={false}
            dataSource={items}
            onRow={() => ({ 'data-testid': 'alert-item' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'severity',
                width: 80,
                render: (_, a) => (
                  <Tag color={SEVERITY_COLORS[a.severity]}>
                    {ALERT_SEVERITY_LABELS[a.severity] ?? a.severity}
                  </Tag>
                ),
              },
              { key: 'at', width: 150, render: (_, a) => fmtTime(a.raisedAt) },
              { key: 'message', render: (_, a) => a.messageZh },
              {
                key: 'action',
                width: 80,
                render: (_, a) => (
                  <Button
                    size="small"
                    loading={ack.isPending && ack.variables === a.id}
                    onClick={() => ack.mutate(a.id)}
                    data-testid="alert-acknowledge"
                  >
                    确认
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
