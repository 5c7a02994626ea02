import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, post } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { FormModal } from '../quality/form-modal.tsx';
import { ContractPicker } from './contract-picker.tsx';
import { RECTIFICATION_STATE, useContractParam, type Rectification } from './shared.ts';

function IssueModal({ contractId, onClose }: { contractId: string; onClose: () => void }) {
  return (
    <FormModal<{ items: { text: string; basis?: string }[] }>
      title="下达整改通知书"
      width={680}
      labels={{ items: '整改事项' }}
      testId="rectification-form"
      invalidate={[['contracts', contractId, 'rectifications']]}
      successText={(r) => `已下达 ${(r as Rectification).number}，限 7 日内整改`}
      initialValues={{ items: [{ text: '' }] }}
      submit={(v) =>
        post(`/api/contracts/${contractId}/rectifications`, {
          items: v.items.map((i) => ({ text: i.text.trim(), basis: i.basis?.trim() || undefined })),
        })
      }
      onClose={onClose}
    >
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              if (!list?.length) throw new Error('至少一项整改事项');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, n) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`第 ${n + 1} 项`}
                extra={
                  fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label="删除"
                    />
                  )
                }
              >
                <Form.Item
                  name={[f.name, 'text']}
                  label="问题与整改要求"
                  rules={[{ required: true, whitespace: true, message: '请填写整改事项' }]}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid={`rectification-item-${n}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'basis']} label="依据" style={{ marginBottom: 0 }}>
                  <Input maxLength={500} placeholder="如：合同第十一条第 4 项" />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
              添加事项
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        整改期限为下达之日起 7
        日；逾期仍未达到服务要求的，甲方可邀请第三方提供服务，费用由乙方承担（合同第五条第 4 款）。
      </Typography.Paragraph>
    </FormModal>
  );
}

function RespondModal({ n, onClose }: { n: Rectification; onClose: () => void }) {
  return (
    <FormModal<{ response: string }>
      title={`答复整改通知 ${n.number}`}
      labels={{ response: '整改情况' }}
      testId="rectification-respond-form"
      invalidate={[['contracts', n.contractId, 'rectifications']]}
      successText="已答复，待热线办验收"
      submit={(v) => post(`/api/contracts/rectifications/${n.id}/respond`, { response: v.response.trim() })}
      onClose={onClose}
    >
      <ol>
        {n.items.map((i, k) => (
          <li key={k}>{i.text}</li>
        ))}
      </ol>
      <Form.Item
        name="response"
        label="整改情况"
        rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}
      >
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

function VerifyModal({ n, onClose }: { n: Rectification; onClose: () => void }) {
  return (
    <FormModal<{ accept: boolean; note: string }>
      title={`验收整改 ${n.number}`}
      labels={{ accept: '验收结果', note: '验收意见' }}
      testId="rectification-verify-form"
      invalidate={[['contracts', n.contractId, 'rectifications']]}
      successText={(r) =>
        (r as Rectification).status === 'accepted' ? '整改已验收通过' : '验收未通过，已退回乙方'
      }
      submit={(v) =>
        post(`/api/contracts/rectifications/${n.id}/verify`, { accept: v.accept, note: v.note.trim() })
      }
      onClose={onClose}
    >
      <Alert type="info" style={{ marginBottom: 12 }} title="乙方答复" description={n.response} />
      <Form.Item name="accept" label="验收结果" rules={[{ required: true, message: '请选择验收结果' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: '通过' },
            { value: false, label: '不通过' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label="验收意见"
        rules={[{ required: true, whitespace: true, message: '请填写验收意见' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 整改通知书 — issued by the office, answered by the operator, verified; overdue ones flagged; printable. */
export default function RectificationsPage() {
  const user = useUser();
  const [contractId, setContract] = useContractParam();
  const [issuing, setIssuing] = useState(false);
  const [responding, setResponding] = useState<Rectification | null>(null);
  const [verifying, setVerifying] = useState<Rectification | null>(null);
  const q = useQuery({
    queryKey: ['contracts', contractId, 'rectifications'],
    queryFn: () => get<{ items: Rectification[] }>(`/api/contracts/${contractId}/rectifications`),
    enabled: Boolean(contractId),
  });
  const items = [...(q.data?.items ?? [])].reverse();
  const overdue = items.filter((n) => n.thirdPartyAllowed);
  const columns: ColumnsType<Rectification> = [
    { title: '编号', dataIndex: 'number', width: 120 },
    { title: '下达时间', dataIndex: 'issuedAt', width: 140, render: fmtTime },
    {
      title: '整改事项',
      key: 'items',
      render: (_, n) => (
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {n.items.map((i, k) => (
            <li key={k}>{i.text}</li>
          ))}
        </ol>
      ),
    },
    {
      title: '整改期限',
      dataIndex: 'dueAt',
      width: 150,
      render: (v: string | null) => (v ? fmtDeadline(v) : '合同未约定'),
    },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_, n) => {
        const [label, color] = RECTIFICATION_STATE[n.state] ?? [n.state, 'default'];
        return (
          <Space orientation="vertical" size={0}>
            <Tag color={color} data-testid={`rectification-state-${n.id}`}>
              {label}
            </Tag>
            {n.thirdPartyAllowed && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                可委托第三方
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: '答复 / 验收',
      key: 'resp',
      width: 240,
      render: (_, n) => (
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0, fontSize: 12 }}>
          {n.response ? `答复：${n.response}` : '—'}
          {n.verificationNote ? `；验收：${n.verificationNote}` : ''}
        </Typography.Paragraph>
      ),
    },
    {
      title: '操作',
      key: 'action',
      width: 170,
      render: (_, n) => (
        <Space size={4} wrap>
          <Link to={`/contracts/rectifications/${n.id}/print`} data-testid={`rectification-print-${n.id}`}>
            <Button size="small" icon={<PrinterOutlined />}>
              打印
            </Button>
          </Link>
          {user.role === 'team_lead' && ['issued', 'rejected'].includes(n.status) && (
            <Button size="small" onClick={() => setResponding(n)}>
              答复
            </Button>
          )}
          {user.role === 'office' && n.status === 'responded' && (
            <Button size="small" type="primary" onClick={() => setVerifying(n)}>
              验收
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="contract-rectifications"
    >
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          整改通知书
        </Typography.Title>
        <Space>
          <ContractPicker value={contractId} onChange={setContract} />
          {user.role === 'office' && contractId && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIssuing(true)}
              data-testid="rectification-issue"
            >
              下达整改通知
            </Button>
          )}
        </Space>
      </Space>
      {overdue.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`${overdue.length} 份整改通知已逾期：${overdue.map((n) => n.number).join('、')}`}
          description="依据合同第五条第 4 款，甲方可邀请第三方提供服务，所需费用由乙方承担。"
        />
      )}
      <Card size="small">
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有整改通知"
        >
          <Table<Rectification>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </QueryState>
      </Card>
      {issuing && contractId && <IssueModal contractId={contractId} onClose={() => setIssuing(false)} />}
      {responding && <RespondModal n={responding} onClose={() => setResponding(null)} />}
      {verifying && <VerifyModal n={verifying} onClose={() => setVerifying(null)} />}
    </Space>
  );
}
