import { useState } from 'react';
import dayjs from 'dayjs';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { client, query, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { AppealDecisionModal, AppealModal, DrawModal, ScoreModal, SheetModal } from './inspection-forms.tsx';
import { APPEAL_STATUS, lastMonth, type MonthlyResult, type QaSample } from './shared.ts';

const BACK_OFFICE = new Set(['team_lead', 'office']);

function MonthPicker({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${month}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      data-testid="qa-month"
    />
  );
}

function useSheets() {
  return useQuery({
    queryKey: ['quality', 'sheets'],
    queryFn: () => unwrap(client.GET('/api/quality/sheets')),
  });
}

function SheetsTab() {
  const user = useUser();
  const q = useSheets();
  const [creating, setCreating] = useState(false);
  const items = q.data?.items ?? [];
  return (
    <Card
      size="small"
      title="质检评分表"
      extra={
        BACK_OFFICE.has(user.role) && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sheet-create">
            新建评分表
          </Button>
        )
      }
    >
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="还没有评分表"
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((s) => (
            <Card
              key={s.id}
              size="small"
              type="inner"
              title={`${s.name}（合格分 ${s.passScore}）`}
              extra={s.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
            >
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={s.criteria}
                columns={[
                  { title: '评分项', dataIndex: 'label' },
                  { title: '权重', dataIndex: 'weight', width: 80 },
                  {
                    title: '致命项',
                    dataIndex: 'fatal',
                    width: 90,
                    render: (f: boolean) => (f ? <Tag color="red">致命</Tag> : null),
                  },
                ]}
              />
            </Card>
          ))}
        </Space>
      </QueryState>
      {creating && <SheetModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

function SamplesTab({ mine }: { mine: boolean }) {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? (mine ? '' : lastMonth());
  const status = params.get('status') ?? 'all';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const [agentId, setAgentId] = useState<number | undefined>();
  const [drawing, setDrawing] = useState(false);
  const [scoring, setScoring] = useState<QaSample | null>(null);
  const [appealing, setAppealing] = useState<QaSample | null>(null);
  const [deciding, setDeciding] = useState<QaSample | null>(null);
  const sheets = useSheets();
  const q = useQuery({
    queryKey: ['quality', 'samples', month, status],
    queryFn: () =>
      unwrap(
        client.GET('/api/quality/samples', {
          params: {
            query: query({
              month: month || undefined,
              // The URL's status, when it is one the server knows (anything else lists all).
              status: status === 'pending' || status === 'scored' ? status : undefined,
            }),
          },
        }),
      ),
  });
  const all = q.data?.items ?? [];
  const agents = [...new Map(all.map((s) => [s.agentId, s.agentName])).entries()];
  const items = all.filter((s) => (agentId ? s.agentId === agentId : true));
  const pendingAppeals = all.filter((s) => s.appealStatus === 'pending').length;
  const sheetOf = (id: number) => sheets.data?.items.find((s) => s.id === id);
  const canScore = BACK_OFFICE.has(user.role);
  const columns: ColumnsType<QaSample> = [
    { title: '样本', dataIndex: 'id', width: 70 },
    ...(mine ? [] : [{ title: '话务员', dataIndex: 'agentName', width: 130 }]),
    { title: '月份', dataIndex: 'month', width: 90 },
    {
      title: '质检对象',
      key: 'what',
      width: 130,
      render: (_, s) =>
        s.orderId ? (
          <Link to={`/orders/${s.orderId}`}>工单 #{s.orderId}</Link>
        ) : s.callPk ? (
          `通话 #${s.callPk}`
        ) : (
          '—'
        ),
    },
    {
      title: '得分',
      key: 'total',
      width: 140,
      render: (_, s) => {
        if (s.status === 'pending') return <Tag>待评分</Tag>;
        const pass = sheetOf(s.sheetId)?.passScore;
        const failed = s.fatal || (pass != null && (s.total ?? 0) < pass);
        return (
          <Space size={4}>
            <Typography.Text strong type={failed ? 'danger' : undefined} data-testid={`qa-total-${s.id}`}>
              {s.total}
            </Typography.Text>
            {s.scoreBeforeAppeal != null && (
              <Typography.Text delete type="secondary">
                {s.scoreBeforeAppeal}
              </Typography.Text>
            )}
            {s.fatal && <Tag color="red">致命错误</Tag>}
          </Space>
        );
      },
    },
    { title: '评语', dataIndex: 'comment', ellipsis: true, render: (c: string | null) => c ?? '—' },
    {
      title: '申诉',
      key: 'appeal',
      width: 200,
      render: (_, s) => {
        if (s.appealStatus === 'none') return '—';
        const [label, color] = APPEAL_STATUS[s.appealStatus]!;
        return (
          <Space orientation="vertical" size={0}>
            <Tag color={color} data-testid={`qa-appeal-${s.id}`}>
              {label}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.appealNote ?? s.appealReason}
            </Typography.Text>
          </Space>
        );
      },
    },
    { title: '评分时间', dataIndex: 'scoredAt', width: 140, render: fmtTime },
    {
      title: '操作',
      key: 'action',
      width: 100,
      render: (_, s) => {
        if (canScore && s.status === 'pending' && sheetOf(s.sheetId))
          return (
            <Button
              size="small"
              type="primary"
              onClick={() => setScoring(s)}
              data-testid={`qa-score-${s.id}`}
            >
              评分
            </Button>
          );
        if (canScore && s.appealStatus === 'pending')
          return (
            <Button size="small" onClick={() => setDeciding(s)} data-testid={`qa-decide-${s.id}`}>
              审核申诉
            </Button>
          );
        if (user.role === 'agent' && s.status === 'scored' && s.appealStatus === 'none')
          return (
            <Button size="small" onClick={() => setAppealing(s)} data-testid={`qa-appeal-btn-${s.id}`}>
              申诉
            </Button>
          );
        return null;
      },
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {mine ? (
            <Select
              style={{ width: 140 }}
              value={month || 'all'}
              onChange={(v) => set('month', v === 'all' ? '' : v)}
              options={[
                { value: 'all', label: '全部月份' },
                ...[...new Set(all.map((s) => s.month))].map((m) => ({ value: m, label: m })),
              ]}
            />
          ) : (
            <MonthPicker month={month} onChange={(m) => set('month', m)} />
          )}
          <Segmented
            value={status}
            onChange={(v) => set('status', v === 'all' ? '' : String(v))}
            options={[
              { value: 'all', label: '全部' },
              { value: 'pending', label: '待评分' },
              { value: 'scored', label: '已评分' },
            ]}
          />
          {!mine && (
            <Select
              allowClear
              placeholder="全部话务员"
              style={{ width: 160 }}
              value={agentId}
              onChange={setAgentId}
              options={agents.map(([id, name]) => ({ value: id, label: name }))}
            />
          )}
        </Space>
      }
      extra={
        canScore && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDrawing(true)}
            disabled={!sheets.data?.items.length}
            title={sheets.data?.items.length ? undefined : '请先新建评分表'}
            data-testid="qa-draw"
          >
            抽取样本
          </Button>
        )
      }
    >
      {pendingAppeals > 0 && canScore && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${pendingAppeals} 条申诉待审核`}
        />
      )}
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText={mine ? '还没有您的质检记录' : '该月还没有质检样本'}
      >
        <Table<QaSample>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </QueryState>
      {drawing && sheets.data && (
        <DrawModal
          sheets={sheets.data.items}
          month={month || lastMonth()}
          onClose={() => setDrawing(false)}
        />
      )}
      {scoring && (
        <ScoreModal sample={scoring} sheet={sheetOf(scoring.sheetId)!} onClose={() => setScoring(null)} />
      )}
      {appealing && <AppealModal sample={appealing} onClose={() => setAppealing(null)} />}
      {deciding && <AppealDecisionModal sample={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function MonthlyTab() {
  const [month, setMonth] = useState(lastMonth());
  const q = useQuery({
    queryKey: ['quality', 'monthly', month],
    queryFn: () => unwrap(client.GET('/api/quality/monthly', { params: { query: { month } } })),
  });
  const results = q.data?.results ?? [];
  const flagged = q.data?.twoMonthsFailed ?? [];
  const flaggedIds = new Set(flagged.map((f) => f.agentId));
  return (
    <Card size="small" title={<MonthPicker month={month} onChange={setMonth} />}>
      {flagged.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="qa-two-months"
          title={`连续两个月考核不合格：${flagged.map((f) => f.name).join('、')}`}
          description="依据三门峡合同第十三条第1款第(5)项，连续两次考核不合格的人员应调离岗位。"
        />
      )}
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!results.length}
        emptyText="该月没有已评分的样本"
      >
        <Table<MonthlyResult>
          rowKey="agentId"
          size="small"
          dataSource={results}
          pagination={false}
          columns={[
            { title: '话务员', dataIndex: 'name' },
            { title: '已评样本', dataIndex: 'scored', width: 100 },
            { title: '平均分', dataIndex: 'average', width: 100 },
            {
              title: '致命错误',
              dataIndex: 'fatal',
              width: 100,
              render: (f: boolean) => (f ? <Tag color="red">有</Tag> : '无'),
            },
            {
              title: '本月结果',
              key: 'passed',
              width: 200,
              render: (_, r) => (
                <Space>
                  {r.passed == null ? (
                    <Tag>无结果</Tag>
                  ) : r.passed ? (
                    <Tag color="green">合格</Tag>
                  ) : (
                    <Tag color="red">不合格</Tag>
                  )}
                  {flaggedIds.has(r.agentId) && <Tag color="volcano">连续两月不合格</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}

/** 质检 — score sheets, monthly samples with scores and appeals, the month's pass/fail per agent. */
export default function InspectionPage() {
  const user = useUser();
  const mine = user.role === 'agent';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-inspection">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {mine ? '我的质检' : '质检'}
      </Typography.Title>
      {mine ? (
        <SamplesTab mine />
      ) : (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'samples', label: '抽样与评分', children: <SamplesTab mine={false} /> },
            { key: 'monthly', label: '月度考核结果', children: <MonthlyTab /> },
            { key: 'sheets', label: '评分表', children: <SheetsTab /> },
          ]}
        />
      )}
    </Space>
  );
}
