import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type paths } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';

type Open311Client =
  paths['/api/open311/clients']['get']['responses'][200]['content']['application/json']['items'][number];
type NewClient = paths['/api/open311/clients']['post']['responses'][201]['content']['application/json'];

/**
 * Open311 接入方 — the systems (a city app, a district portal) allowed to submit citizens' requests through the
 * open GeoReport v2 interface at /open311/v2. The office registers one and hands its key over once; revoking a
 * key refuses it from then on, while the requests it sent stay.
 */
export default function Open311ClientsPage() {
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<NewClient | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const q = useQuery({
    queryKey: ['open311', 'clients'],
    queryFn: () => unwrap(client.GET('/api/open311/clients')),
  });
  const add = useMutation({
    mutationFn: (name: string) => unwrap(client.POST('/api/open311/clients', { body: { name } })),
    onSuccess: (c) => {
      setAdding(false);
      form.resetFields();
      setCreated(c);
      void queryClient.invalidateQueries({ queryKey: ['open311', 'clients'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  const revoke = useMutation({
    mutationFn: (id: number) =>
      unwrap(client.POST('/api/open311/clients/{id}/revoke', { params: { path: { id } } })),
    onSuccess: (c) => {
      message.success(`已停用 ${c.name} 的接入密钥`);
      void queryClient.invalidateQueries({ queryKey: ['open311', 'clients'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="Open311 接入方"
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            登记接入方
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          其他系统可按 Open311 GeoReport v2 标准通过 <Typography.Text code>/open311/v2</Typography.Text>{' '}
          查询服务目录、提交和查询诉求。提交须携带热线办公室发放的接入密钥（api_key）；查询结果不含市民个人信息。
        </Typography.Paragraph>
        <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          {
            <Table<Open311Client>
              data-testid="open311-clients"
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={q.data?.items ?? []}
              columns={[
                { title: '名称', dataIndex: 'name' },
                {
                  title: '密钥前缀',
                  dataIndex: 'keyPrefix',
                  render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
                },
                { title: '登记时间', dataIndex: 'createdAt', render: (v: string) => fmtTime(v) },
                {
                  title: '状态',
                  dataIndex: 'revokedAt',
                  render: (v: string | null) =>
                    v ? <Tag>已停用 {fmtTime(v)}</Tag> : <Tag color="green">使用中</Tag>,
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, c) =>
                    c.revokedAt ? null : (
                      <Button
                        danger
                        size="small"
                        onClick={() =>
                          modal.confirm({
                            title: `停用 ${c.name} 的接入密钥？`,
                            content: '停用后该系统无法再提交诉求，已提交的诉求不受影响。',
                            okText: '停用',
                            cancelText: '取消',
                            onOk: () => revoke.mutateAsync(c.id),
                          })
                        }
                      >
                        停用
                      </Button>
                    ),
                },
              ]}
            />
          }
        </QueryState>
      </Card>
      <Modal
        open={adding}
        title="登记接入方"
        okText="登记"
        cancelText="取消"
        confirmLoading={add.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v.name)}>
          <Form.Item name="name" label="接入方名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={100} placeholder="如：市民随手拍 App" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created != null}
        title="接入密钥"
        okText="已妥善保存"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
      >
        <Alert type="warning" showIcon message="密钥只显示这一次，请立即交给接入方并妥善保存。" />
        <Typography.Paragraph copyable={{ text: created?.apiKey }} style={{ marginTop: 12 }}>
          <Typography.Text code data-testid="open311-api-key">
            {created?.apiKey}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
