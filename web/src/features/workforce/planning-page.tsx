/**
 * 排班 — workforce planning: the forecast against actual calls, the requirement and coverage per half-hour (heat
 * map by weekday × half-hour), the rota grid per agent and week (the team lead edits and publishes it), and the
 * what-if panel (Erlang A beside the call simulator, with the contract's 96 % line and the money at stake).
 */
import { useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { EChart } from '../dashboard/echart.tsx';
import { PayTab } from './pay-tab.tsx';
import { coverageHeatmapOption, forecastOption, profileOption, whatIfOption } from './planning-charts.ts';
import {
  DAY_KIND,
  localParts,
  mondayOf,
  pct2,
  plusDays,
  type RotaDetail,
  type RotaShift,
  shiftFrom,
  type ShiftTemplate,
  WEEKDAY,
  yuan,
} from './planning-shared.ts';

const PLANNERS = ['team_lead', 'admin'];
const todayLocal = () => localParts(new Date()).date;

function ForecastTab() {
  const [from, setFrom] = useState(() => mondayOf(todayLocal()));
  const [days, setDays] = useState(7);
  const to = plusDays(from, days);
  const q = useQuery({
    queryKey: ['workforce', 'forecast', from, to],
    queryFn: () => unwrap(client.GET('/api/workforce/forecast', { params: { query: { from, to } } })),
  });
  const f = q.data;
  const option = useMemo(() => f && forecastOption(f.intervals), [f]);
  const profile = useMemo(() => f && profileOption(f.intervals, f.days), [f]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          aria-label="预测起始日"
          allowClear={false}
          value={dayjs(from)}
          onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
        />
        <Radio.Group
          value={days}
          onChange={(e) => setDays(e.target.value as number)}
          options={[
            { value: 1, label: '1 天' },
            { value: 7, label: '1 周' },
            { value: 28, label: '4 周' },
          ]}
          optionType="button"
        />
        <Typography.Text type="secondary">
          按半小时预测呼入量：星期 ×
          半小时画像、趋势、节假日与调休（节假日按休息日、调休上班日按工作日），只用起始日之前的话务
        </Typography.Text>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {f && (
          <>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic
                  title="预测呼入"
                  value={Math.round(f.intervals.reduce((s, i) => s + i.expected, 0))}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="已发生呼入"
                  value={
                    f.intervals.some((i) => i.actual != null)
                      ? f.intervals.reduce((s, i) => s + (i.actual ?? 0), 0)
                      : '—'
                  }
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="历史天数" value={f.basis.historyDays} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="剔除异常日" value={f.basis.outlierDays.length} />
              </Col>
            </Row>
            {f.basis.historyDays === 0 && (
              <Alert type="info" showIcon title="起始日之前没有话务记录，预测为 0：请先导入话务数据" />
            )}
            <Card size="small" title="预测与实际（每半小时）">
              {option && <EChart option={option} height={320} testId="forecast-chart" />}
            </Card>
            <Card size="small" title="各类日期的半小时画像（平均预测）">
              {profile && <EChart option={profile} height={260} testId="forecast-profile" />}
            </Card>
            <Space wrap size={4}>
              {f.days.map((d) => (
                <Tag
                  key={d.date}
                  color={d.kind === 'workday' ? 'blue' : d.kind === 'holiday' ? 'red' : 'default'}
                >
                  {d.date.slice(5)} {DAY_KIND[d.kind] ?? d.kind} {Math.round(d.expected)}
                </Tag>
              ))}
            </Space>
          </>
        )}
      </QueryState>
    </Space>
  );
}

function useRotas() {
  return useQuery({
    queryKey: ['workforce', 'rotas'],
    queryFn: () => unwrap(client.GET('/api/workforce/rotas')),
  });
}

function useRota(id: number | null) {
  return useQuery({
    queryKey: ['workforce', 'rota', id],
    enabled: id != null,
    queryFn: () => unwrap(client.GET('/api/workforce/rotas/{id}', { params: { path: { id: id! } } })),
  });
}

function RotaPicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const rotas = useRotas();
  return (
    <Select
      aria-label="选择排班表"
      style={{ minWidth: 280 }}
      placeholder="选择排班表"
      value={value ?? undefined}
      loading={rotas.isLoading}
      onChange={(v) => onChange(v)}
      options={(rotas.data?.items ?? []).map((r) => ({
        value: r.id,
        label: `#${r.id} ${r.from} 起 ${r.weeks} 周 · ${r.agents} 人 · ${r.status === 'published' ? '已发布' : '草稿'}`,
      }))}
    />
  );
}

function WeekPicker({
  rota,
  week,
  onChange,
}: {
  rota: RotaDetail;
  week: number;
  onChange: (w: number) => void;
}) {
  return (
    <Radio.Group
      value={week}
      onChange={(e) => onChange(e.target.value as number)}
      optionType="button"
      options={Array.from({ length: rota.weeks }, (_, w) => ({
        value: w,
        label: `第 ${w + 1} 周（${plusDays(rota.from, 7 * w).slice(5)}）`,
      }))}
    />
  );
}

function CoverageTab({
  rotaId,
  setRotaId,
}: {
  rotaId: number | null;
  setRotaId: (id: number | null) => void;
}) {
  const rota = useRota(rotaId);
  const [week, setWeek] = useState(0);
  const [mode, setMode] = useState<'gap' | 'required'>('gap');
  const r = rota.data;
  const cells = useMemo(() => r?.coverage.slice(week * 336, week * 336 + 336) ?? [], [r, week]);
  const option = useMemo(() => coverageHeatmapOption(cells, mode), [cells, mode]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <RotaPicker value={rotaId} onChange={setRotaId} />
        {r && <WeekPicker rota={r} week={Math.min(week, r.weeks - 1)} onChange={setWeek} />}
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as 'gap' | 'required')}
          optionType="button"
          options={[
            { value: 'gap', label: '排班 − 需求' },
            { value: 'required', label: '需求人数' },
          ]}
        />
      </Space>
      {rotaId == null && <Empty description="先在「排班表」生成或选择一张排班表" />}
      <QueryState
        loading={rota.isLoading && rotaId != null}
        error={rota.error}
        onRetry={() => rota.refetch()}
      >
        {r && (
          <>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title="需求满足的半小时占比" value={pct2(r.summary.coverage)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="满足 / 全部半小时"
                  value={`${r.summary.intervalsMet} / ${r.summary.intervals}`}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="缺口（人·半小时）" value={r.summary.shortAgentSlots} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="缺口占需求" value={pct2(r.summary.shortShare)} />
              </Col>
            </Row>
            <Card size="small" title="需求与排班（星期 × 半小时）">
              <EChart option={option} height={340} testId="coverage-heatmap" />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}

function ShiftModal({
  cell,
  templates,
  onClose,
  onSave,
  saving,
}: {
  cell: { agent: string; name: string; date: string; current: RotaShift[] } | null;
  templates: ShiftTemplate[];
  onClose: () => void;
  onSave: (code: string | null) => void;
  saving: boolean;
}) {
  const [code, setCode] = useState<string>('');
  // The choice starts from the cell's shift as soon as a cell is opened (not after the opening animation, which
  // would overwrite a choice made while the dialog was still zooming in).
  useEffect(() => {
    if (cell) setCode(cell.current[0]?.template ?? '');
  }, [cell]);
  return (
    <Modal
      open={cell != null}
      title={cell && `${cell.name} · ${cell.date} ${WEEKDAY[new Date(`${cell.date}T00:00:00Z`).getUTCDay()]}`}
      onCancel={onClose}
      okText="保存"
      confirmLoading={saving}
      onOk={() => onSave(code === '' ? null : code)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="班次">
          <Select
            aria-label="班次"
            value={code}
            onChange={setCode}
            options={[
              { value: '', label: '休息（无班次）' },
              ...templates.map((t) => ({ value: t.code, label: t.name })),
            ]}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        保存后重新检查劳动法规则（每日 8 小时、每周 40 小时、每周一天休息、班次间休息）与全天候值守
      </Typography.Text>
    </Modal>
  );
}

function CreateRotaModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ from: dayjs.Dayjs; weeks: number; agents?: number }>();
  const create = useMutation({
    mutationFn: (v: { from: string; weeks: number; agents?: number }) =>
      unwrap(client.POST('/api/workforce/rotas', { body: v })),
    onSuccess: (r) => {
      message.success(`已生成排班表 #${r.id}`);
      onCreated(r.id);
    },
    onError: (e: Error) => message.error(e.message),
  });
  return (
    <Modal
      open={open}
      title="生成排班表"
      okText="生成"
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          create.mutate({
            from: mondayOf(v.from.format('YYYY-MM-DD')),
            weeks: v.weeks,
            agents: v.agents ?? undefined,
          }),
        )
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ from: dayjs(plusDays(mondayOf(todayLocal()), 7)), weeks: 4, agents: 45 }}
        preserve={false}
      >
        <Form.Item name="from" label="起始周（周一）" rules={[{ required: true }]}>
          <DatePicker picker="week" aria-label="起始周" allowClear={false} />
        </Form.Item>
        <Form.Item name="weeks" label="周数" rules={[{ required: true }]}>
          <InputNumber min={1} max={8} aria-label="周数" />
        </Form.Item>
        <Form.Item name="agents" label="话务员人数（名册不足时以待定话务员补足）">
          <InputNumber min={1} max={1000} aria-label="话务员人数" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RotaTab({ rotaId, setRotaId }: { rotaId: number | null; setRotaId: (id: number | null) => void }) {
  const { message } = AntApp.useApp();
  const user = useUser();
  const canEdit = PLANNERS.includes(user.role);
  const qc = useQueryClient();
  const rota = useRota(rotaId);
  const templates = useQuery({
    queryKey: ['workforce', 'shift-templates'],
    queryFn: () => unwrap(client.GET('/api/workforce/shift-templates')),
  });
  const [week, setWeek] = useState(0);
  const [creating, setCreating] = useState(false);
  const [cell, setCell] = useState<{
    agent: string;
    name: string;
    date: string;
    current: RotaShift[];
  } | null>(null);
  const r = rota.data;
  const editable = canEdit && r?.status === 'draft';
  const refresh = (next: RotaDetail) => {
    qc.setQueryData(['workforce', 'rota', next.id], next);
    void qc.invalidateQueries({ queryKey: ['workforce', 'rotas'] });
  };
  const save = useMutation({
    mutationFn: (shifts: { agent: string; start: string; end: string; template?: string | null }[]) =>
      unwrap(
        client.PUT('/api/workforce/rotas/{id}/shifts', {
          params: { path: { id: rotaId! } },
          body: { shifts },
        }),
      ),
    onSuccess: (next) => {
      refresh(next);
      setCell(null);
      message.success(next.violations.length ? `已保存，${next.violations.length} 处待调整` : '已保存');
    },
    onError: (e: Error) => message.error(e.message),
  });
  const publish = useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/workforce/rotas/{id}/publish', { params: { path: { id: rotaId! } } })),
    onSuccess: (next) => {
      refresh(next);
      message.success('排班表已发布，话务员可在「我的班次」查看');
    },
    onError: (e: Error) => message.error(e.message),
  });

  const w = r ? Math.min(week, r.weeks - 1) : 0;
  const weekDays = r ? Array.from({ length: 7 }, (_, k) => plusDays(r.from, 7 * w + k)) : [];
  const byAgentDay = useMemo(() => {
    const m = new Map<string, RotaShift[]>();
    for (const s of r?.shifts ?? []) {
      const key = `${s.agent}|${localParts(s.start).date}`;
      m.set(key, [...(m.get(key) ?? []), s]);
    }
    return m;
  }, [r]);
  const hoursInWeek = (agent: string) =>
    weekDays.reduce(
      (h, d) =>
        h +
        (byAgentDay.get(`${agent}|${d}`) ?? []).reduce(
          (x, s) => x + (Date.parse(s.end) - Date.parse(s.start)) / 3600_000,
          0,
        ),
      0,
    );
  const flagged = new Set((r?.violations ?? []).map((v) => `${v.agent}|${v.at.slice(0, 10)}`));

  const onSaveCell = (code: string | null) => {
    if (!r || !cell) return;
    const t = templates.data?.items.find((x) => x.code === code);
    const keep = r.shifts
      .filter((s) => !(s.agent === cell.agent && localParts(s.start).date === cell.date))
      .map((s) => ({ agent: s.agent, start: s.start, end: s.end, template: s.template }));
    save.mutate(t ? [...keep, shiftFrom(cell.agent, cell.date, t)] : keep);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <RotaPicker value={rotaId} onChange={setRotaId} />
        {canEdit && (
          <Button type="primary" onClick={() => setCreating(true)}>
            生成排班表
          </Button>
        )}
        {r && <WeekPicker rota={r} week={w} onChange={setWeek} />}
        {r && editable && (
          <Button
            onClick={() => publish.mutate()}
            loading={publish.isPending}
            disabled={r.violations.length > 0}
          >
            发布
          </Button>
        )}
        {r && (
          <Tag color={r.status === 'published' ? 'green' : 'gold'}>
            {r.status === 'published' ? '已发布' : '草稿'}
          </Tag>
        )}
      </Space>
      <CreateRotaModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setRotaId(id);
          void qc.invalidateQueries({ queryKey: ['workforce', 'rotas'] });
        }}
      />
      {rotaId == null && <Empty description="选择一张排班表，或生成新的排班表" />}
      <QueryState
        loading={rota.isLoading && rotaId != null}
        error={rota.error}
        onRetry={() => rota.refetch()}
      >
        {r && (
          <>
            {r.note && <Alert type="info" showIcon title={r.note} />}
            {r.violations.length > 0 ? (
              <Alert
                type="error"
                showIcon
                title={`${r.violations.length} 处不符合劳动法或全天候值守要求，调整后才能发布`}
                description={r.violations
                  .slice(0, 8)
                  .map((v) => `${v.agent ?? '全天'} ${v.at.slice(0, 16).replace('T', ' ')}：${v.rule}`)
                  .join('；')}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={`符合劳动法规则；需求满足的半小时 ${pct2(r.summary.coverage)}`}
              />
            )}
            <Table
              size="small"
              rowKey="agent"
              data-testid="rota-grid"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              dataSource={r.agents}
              columns={[
                { title: '话务员', dataIndex: 'name', fixed: 'left', width: 120 },
                ...weekDays.map((d) => ({
                  title: `${d.slice(5)} ${WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]}`,
                  key: d,
                  width: 110,
                  render: (_: unknown, a: RotaDetail['agents'][number]) => {
                    const shifts = byAgentDay.get(`${a.agent}|${d}`) ?? [];
                    const label = shifts.length
                      ? shifts.map((s) => `${localParts(s.start).time}–${localParts(s.end).time}`).join(' ')
                      : '休';
                    const tag = (
                      <Tag
                        color={flagged.has(`${a.agent}|${d}`) ? 'red' : shifts.length ? 'blue' : 'default'}
                        style={{ cursor: editable ? 'pointer' : undefined }}
                        data-cell={`${a.agent}|${d}`}
                        onClick={
                          editable
                            ? () => setCell({ agent: a.agent, name: a.name, date: d, current: shifts })
                            : undefined
                        }
                      >
                        {label}
                      </Tag>
                    );
                    return shifts[0]?.template ? <Tooltip title={shifts[0].template}>{tag}</Tooltip> : tag;
                  },
                })),
                {
                  title: '本周工时',
                  key: 'hours',
                  width: 90,
                  render: (_: unknown, a: RotaDetail['agents'][number]) => `${hoursInWeek(a.agent)} h`,
                },
              ]}
            />
            <ShiftModal
              cell={cell}
              templates={templates.data?.items ?? []}
              onClose={() => setCell(null)}
              onSave={onSaveCell}
              saving={save.isPending}
            />
          </>
        )}
      </QueryState>
    </Space>
  );
}

function WhatIfTab({ rotaId }: { rotaId: number | null }) {
  const [from, setFrom] = useState(() => plusDays(mondayOf(todayLocal()), 7));
  const [agents, setAgents] = useState('40,45,50');
  const [weeks, setWeeks] = useState(1);
  const [ask, setAsk] = useState<{ from?: string; weeks?: number; agents?: string; rota?: number } | null>(
    null,
  );
  const q = useQuery({
    queryKey: ['workforce', 'what-if', ask],
    enabled: ask != null,
    staleTime: Infinity,
    queryFn: () => unwrap(client.GET('/api/workforce/what-if', { params: { query: ask! } })),
  });
  const w = q.data;
  const option = useMemo(() => w && whatIfOption(w.rows, w.line), [w]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          aria-label="测算起始日"
          allowClear={false}
          value={dayjs(from)}
          onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
        />
        <InputNumber
          aria-label="测算周数"
          min={1}
          max={8}
          value={weeks}
          onChange={(v) => setWeeks(v ?? 1)}
          addonAfter="周"
        />
        <Input
          aria-label="人数"
          style={{ width: 180 }}
          value={agents}
          onChange={(e) => setAgents(e.target.value)}
          addonBefore="人数"
        />
        <Button
          type="primary"
          loading={q.isFetching}
          onClick={() => setAsk({ from, weeks, agents: agents.replace(/\s+/g, '') })}
        >
          按人数测算
        </Button>
        <Button
          disabled={rotaId == null}
          loading={q.isFetching}
          onClick={() => rotaId != null && setAsk({ rota: rotaId })}
        >
          测算所选排班表
        </Button>
      </Space>
      <Typography.Text type="secondary">
        Erlang A
        按半小时（排班人数扣除缩减率、预测话务量、历史放弃耐心）与话务模拟器（首周）并列；合同线：人工接通率全年
        ≥ 96%（漯河合同第 11 条），未达标扣合同总额 1%。测算需要数秒。
      </Typography.Text>
      {ask && (
        <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
          {w && (
            <>
              <Card size="small" title={`人工接通率（${w.from} 起 ${w.weeks} 周）`}>
                {option && <EChart option={option} height={300} testId="what-if-chart" />}
              </Card>
              <Table
                size="small"
                rowKey="agents"
                data-testid="what-if-table"
                pagination={false}
                dataSource={w.rows}
                columns={[
                  { title: '人数', dataIndex: 'agents' },
                  { title: '需求满足的半小时', dataIndex: 'coverage', render: (x: number) => pct2(x) },
                  {
                    title: 'Erlang A 接通率',
                    dataIndex: 'erlangAnswerRate',
                    render: (x: number | null) => pct2(x),
                  },
                  { title: '模拟接通率', dataIndex: 'simulatedAnswerRate', render: (x: number) => pct2(x) },
                  {
                    title: '达标（Erlang / 模拟）',
                    key: 'meets',
                    render: (_: unknown, r: (typeof w.rows)[number]) => (
                      <Space>
                        {[r.erlang, r.simulated].map((m, k) => (
                          <Tag key={k} color={m.meets ? 'green' : m.meets === false ? 'red' : 'default'}>
                            {m.meets ? '达标' : m.meets === false ? '未达标' : '—'}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    title: '扣款（Erlang / 模拟）',
                    key: 'money',
                    render: (_: unknown, r: (typeof w.rows)[number]) =>
                      `${yuan(r.erlang.deductionFen)} / ${yuan(r.simulated.deductionFen)}`,
                  },
                ]}
              />
              <Typography.Text type="secondary">
                {w.contract
                  ? `考核合同 ${w.contract.id}，1% 为 ${yuan(w.rows[0]?.erlang.stakeFen)}`
                  : '尚未登记合同：金额无法计算'}
              </Typography.Text>
            </>
          )}
        </QueryState>
      )}
    </Space>
  );
}

export default function PlanningPage() {
  const [rotaId, setRotaId] = useState<number | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        排班
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'forecast', label: '话务预测', children: <ForecastTab /> },
          {
            key: 'coverage',
            label: '需求与覆盖',
            children: <CoverageTab rotaId={rotaId} setRotaId={setRotaId} />,
          },
          { key: 'rota', label: '排班表', children: <RotaTab rotaId={rotaId} setRotaId={setRotaId} /> },
          { key: 'what-if', label: '人力测算', children: <WhatIfTab rotaId={rotaId} /> },
          {
            key: 'pay',
            label: '加班工资与考勤',
            children: <PayTab rotaId={rotaId} picker={<RotaPicker value={rotaId} onChange={setRotaId} />} />,
          },
        ]}
      />
    </Space>
  );
}
