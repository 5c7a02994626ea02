import { useState } from 'react';
import dayjs from 'dayjs';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';
import { monthRange, pct, thisMonth, today, useDrillIds } from '../quality/shared.ts';
import {
  ChangeModal,
  EndModal,
  FulfilModal,
  MemberModal,
  ReplacementModal,
  WithdrawModal,
} from './workforce-forms.tsx';
import {
  NOTICE_STATUS,
  REPLACEMENT_STATUS,
  RULE_DAYS,
  VACANCY_CAUSE,
  type HeadcountChange,
  type HeadcountDay,
  type Member,
  type ReplacementRequest,
} from './shared.ts';
import { DrillFilterNotice } from '../quality/drill-filter-notice.tsx';

const AGREED = 45;

function headcountOption(days: HeadcountDay[]): ChartOption {
  return {
    color: ['#4096ff', '#95de64', '#ff4d4f'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['在册人数', '在岗人数', '约定人数'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', name: '人', minInterval: 1, min: 0 },
    series: [
      { type: 'bar', name: '在册人数', data: days.map((d) => d.headcount), barMaxWidth: 18 },
      { type: 'bar', name: '在岗人数', data: days.map((d) => d.present), barMaxWidth: 18 },
      {
        type: 'line',
        name: '约定人数',
        step: 'end',
        symbol: 'none',
        data: days.map((d) => d.agreed),
        lineStyle: { type: 'dashed', width: 2 },
      },
    ],
  };
}

function useMembers() {
  return useQuery({
    queryKey: ['workforce', 'members'],
    queryFn: () => unwrap(client.GET('/api/workforce/members')),
  });
}

function Overview() {
  const [month, setMonth] = useState(thisMonth());
  const range = { ...monthRange(month), agreed: AGREED, ...RULE_DAYS };
  const series = useQuery({
    queryKey: ['workforce', 'headcount', month],
    queryFn: () =>
      unwrap(
        client.GET('/api/workforce/headcount', {
          params: { query: { ...monthRange(month), agreed: AGREED } },
        }),
      ),
  });
  const ev = useQuery({
    queryKey: ['workforce', 'evidence', month],
    queryFn: () => unwrap(client.GET('/api/workforce/evidence', { params: { query: range } })),
  });
  const e = ev.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Typography.Text type="secondary">
          约定 {AGREED} 人；到位率 = 在岗人日 / 约定人日（三门峡合同 ≥ 98%）
        </Typography.Text>
      </Space>
      <QueryState loading={ev.isLoading} error={ev.error} onRetry={() => ev.refetch()}>
        {e && (
          <>
            {e.shortfallPeriods.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`本月缺编 ${e.shortfall.days} 天，最多缺 ${e.shortfall.max} 人，共 ${e.shortfall.personDays} 人日（未经甲方同意的缺编按合同扣款）`}
                description={e.shortfallPeriods
                  .map((p) => `${p.from} 至 ${p.to} 缺 ${p.shortfall} 人（${p.days} 天）`)
                  .join('；')}
              />
            )}
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic
                  title="人员到位率"
                  value={pct(e.staffingRate.value)}
                  styles={{
                    content: {
                      color:
                        e.staffingRate.value != null && e.staffingRate.value < 0.98 ? '#cf1322' : '#389e0d',
                    },
                  }}
                  data-testid="staffing-rate"
                />
                <Typography.Text type="secondary">
                  {e.staffingRate.numerator} / {e.staffingRate.denominator} 人日（统计至 {e.through ?? '—'}）
                </Typography.Text>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="最大缺编" value={`${e.shortfall.max} 人`} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="空缺岗位"
                  value={e.vacancies.length}
                  suffix={`（逾期 ${e.vacancies.filter((v) => v.late).length}）`}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="更换要求"
                  value={e.replacementRequests.length}
                  suffix={`（超 3 日 ${e.replacementRequests.filter((r) => r.late).length}）`}
                />
              </Col>
            </Row>
          </>
        )}
      </QueryState>
      <Card size="small" title="每日人数与约定人数">
        <QueryState
          loading={series.isLoading}
          error={series.error}
          onRetry={() => series.refetch()}
          empty={!series.data?.days.length}
        >
          <EChart option={headcountOption(series.data?.days ?? [])} testId="headcount-chart" />
        </QueryState>
      </Card>
      <Card size="small" title="空缺与补足（15 日内补足，三门峡合同第十三条第 4 款）">
        <Table
          rowKey={(v) => `${v.memberId}-${v.openedOn}`}
          size="small"
          pagination={false}
          dataSource={e?.vacancies ?? []}
          locale={{ emptyText: '本月没有空缺' }}
          columns={[
            { title: '人员', dataIndex: 'memberName', render: (n: string | null) => n ?? '—' },
            { title: '原因', dataIndex: 'cause', render: (c: string) => VACANCY_CAUSE[c] ?? c },
            { title: '空缺起', dataIndex: 'openedOn' },
            {
              title: '补足日',
              dataIndex: 'filledOn',
              render: (d: string | null) => d ?? <Tag color="gold">未补足</Tag>,
            },
            { title: '天数', dataIndex: 'days' },
            { title: '期限', dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
            {
              title: '',
              dataIndex: 'late',
              render: (l: boolean | null) => (l ? <Tag color="red">逾期</Tag> : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function Roster() {
  const user = useUser();
  const q = useMembers();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Member | null>(null);
  const [ids, clearIds] = useDrillIds();
  const [showEnded, setShowEnded] = useState(false);
  const d = today();
  const all = (q.data?.items ?? []).filter((m) => !ids || ids.has(String(m.id)));
  const items = showEnded || ids ? all : all.filter((m) => !m.endDate || m.endDate >= d);
  const onTeam = (q.data?.items ?? []).filter(
    (m) => m.startDate <= d && (!m.endDate || m.endDate >= d),
  ).length;
  return (
    <Card
      size="small"
      title={
        <Space>
          今日在册 {onTeam} 人（约定 {AGREED} 人）
          <Button size="small" type="link" onClick={() => setShowEnded(!showEnded)}>
            {showEnded ? '只看在册' : '含已离岗'}
          </Button>
        </Space>
      }
      extra={
        user.role !== 'agent' && (
          <Button
            icon={<PlusOutlined />}
            type="primary"
            onClick={() => setAdding(true)}
            data-testid="member-add"
          >
            新增人员
          </Button>
        )
      }
    >
      <DrillFilterNotice ids={ids} onClear={clearIds} unit="名人员" />
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="名册中还没有人员"
      >
        <Table<Member>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '岗位', dataIndex: 'roleLabel', width: 120 },
            { title: '到岗', dataIndex: 'startDate', width: 110 },
            {
              title: '离岗',
              key: 'end',
              width: 200,
              render: (_, m) => (m.endDate ? `${m.endDate} ${m.endReasonLabel ?? ''}` : '—'),
            },
            { title: '备注', dataIndex: 'note', ellipsis: true },
            {
              title: '操作',
              key: 'a',
              width: 80,
              render: (_, m) =>
                !m.endDate ? (
                  <Button size="small" onClick={() => setEnding(m)}>
                    离岗
                  </Button>
                ) : null,
            },
          ]}
        />
      </QueryState>
      {adding && <MemberModal onClose={() => setAdding(false)} />}
      {ending && <EndModal member={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}

function Changes() {
  const [adding, setAdding] = useState(false);
  const q = useQuery({
    queryKey: ['workforce', 'changes'],
    queryFn: () =>
      unwrap(
        client.GET('/api/workforce/headcount-changes', {
          params: { query: { noticeDays: RULE_DAYS.noticeDays } },
        }),
      ),
  });
  const items = q.data?.items ?? [];
  return (
    <Card
      size="small"
      title="约定人数变更"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          登记变更
        </Button>
      }
    >
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="没有人数变更"
      >
        <Table<HeadcountChange>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: '生效日期', dataIndex: 'effectiveOn' },
            { title: '约定人数', dataIndex: 'agreed' },
            {
              title: '甲方同意',
              key: 'c',
              render: (_, c) =>
                c.consented ? `${c.consentedOn} ${c.consentRef ?? ''}` : <Tag color="red">未同意</Tag>,
            },
            {
              title: '提前通知',
              key: 'n',
              render: (_, c) => {
                const [label, color] = NOTICE_STATUS[c.notice.status] ?? [c.notice.status, 'default'];
                return (
                  <Tag color={color}>
                    {label}
                    {c.notice.daysAhead != null ? `（${c.notice.daysAhead} 天）` : ''}
                  </Tag>
                );
              },
            },
            { title: '备注', dataIndex: 'note', ellipsis: true },
          ]}
        />
      </QueryState>
      {adding && <ChangeModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

function Replacements() {
  const user = useUser();
  const partyA = user.role === 'office' || user.role === 'admin';
  const members = useMembers();
  const [requesting, setRequesting] = useState(false);
  const [fulfilling, setFulfilling] = useState<ReplacementRequest | null>(null);
  const [withdrawing, setWithdrawing] = useState<ReplacementRequest | null>(null);
  const q = useQuery({
    queryKey: ['workforce', 'replacements'],
    queryFn: () =>
      unwrap(
        client.GET('/api/workforce/replacement-requests', {
          params: { query: { replacementDays: RULE_DAYS.replacementDays } },
        }),
      ),
  });
  const items = q.data?.items ?? [];
  const list = members.data?.items ?? [];
  return (
    <Card
      size="small"
      title="更换人员要求（3 日内更换，三门峡合同第十二条第 2 款）"
      extra={
        partyA && (
          <Button icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
            要求更换
          </Button>
        )
      }
    >
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="没有更换要求"
      >
        <Table<ReplacementRequest>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: '人员', dataIndex: 'memberName' },
            { title: '要求日期', dataIndex: 'requestedOn' },
            { title: '原因', dataIndex: 'reason', ellipsis: true },
            {
              title: '状态',
              key: 's',
              render: (_, r) => {
                const [label, color] = REPLACEMENT_STATUS[r.status] ?? [r.status, 'default'];
                return (
                  <Space size={4}>
                    <Tag color={color}>{label}</Tag>
                    {r.late && <Tag color="red">超期</Tag>}
                  </Space>
                );
              },
            },
            { title: '接替人员', dataIndex: 'replacementName', render: (n: string | null) => n ?? '—' },
            { title: '用时', key: 'd', render: (_, r) => (r.days == null ? '—' : `${r.days} 天`) },
            {
              title: '操作',
              key: 'a',
              render: (_, r) =>
                r.status === 'open' ? (
                  <Space size={4}>
                    <Button size="small" onClick={() => setFulfilling(r)}>
                      完成更换
                    </Button>
                    {partyA && (
                      <Button size="small" onClick={() => setWithdrawing(r)}>
                        撤回
                      </Button>
                    )}
                  </Space>
                ) : null,
            },
          ]}
        />
      </QueryState>
      {requesting && (
        <ReplacementModal members={list.filter((m) => !m.endDate)} onClose={() => setRequesting(false)} />
      )}
      {fulfilling && <FulfilModal r={fulfilling} members={list} onClose={() => setFulfilling(null)} />}
      {withdrawing && <WithdrawModal r={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}

/** 人员 — the operator's roster, headcount by day against the agreed 45, changes, vacancies, replacements. */
export default function WorkforcePage() {
  const [ids] = useDrillIds();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="workforce">
      <Typography.Title level={4} style={{ margin: 0 }}>
        运营团队人员
      </Typography.Title>
      <Tabs
        defaultActiveKey={ids ? 'roster' : 'overview'}
        destroyOnHidden
        items={[
          { key: 'overview', label: '人数与到位率', children: <Overview /> },
          { key: 'roster', label: '人员名册', children: <Roster /> },
          { key: 'changes', label: '人数变更', children: <Changes /> },
          { key: 'replacements', label: '更换要求', children: <Replacements /> },
        ]}
      />
    </Space>
  );
}
