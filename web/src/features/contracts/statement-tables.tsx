import { useState } from 'react';
import { Alert, Button, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { AcknowledgeModal } from './statement-forms.tsx';
import {
  bpPct,
  periodLabel,
  yuan,
  type Deduction,
  type IndicatorResult,
  type Reading,
  type SettingUsed,
  type Statement,
  type StatementWarning,
} from './shared.ts';

const DEDUCTION_KIND: Record<string, string> = {
  missed_indicator: '指标未达标',
  serious_incident: '严重舆论事件',
  headcount: '人员缺员',
};

/** "headcountShortfall={…}; rampUp=after_service_start" → each reading by its Chinese label and value. */
function readingText(reading: string, readings: Reading[]): string {
  return reading
    .split('; ')
    .map((part) => {
      const key = part.split('=')[0]!;
      const r = readings.find((x) => x.key === key);
      return r?.labelZh && r.valueZh ? `${r.labelZh}：${r.valueZh}` : part;
    })
    .join('；');
}

export function DeductionsTable({ s }: { s: Statement }) {
  return (
    <Table<Deduction>
      rowKey={(d, i) => `${d.kind}-${d.indicatorId ?? ''}-${i}`}
      size="small"
      pagination={false}
      dataSource={s.deductions}
      data-testid="statement-deductions"
      locale={{ emptyText: '本季度没有扣减' }}
      columns={[
        {
          title: '扣减事项',
          key: 'reason',
          render: (_, d) => (
            <>
              <Tag>{DEDUCTION_KIND[d.kind] ?? d.kind}</Tag>
              {d.reasonZh ?? d.reason}
            </>
          ),
        },
        { title: '合同条款', key: 'clause', width: 260, render: (_, d) => d.clauseZh ?? d.clause },
        {
          title: '采用的解释',
          key: 'reading',
          width: 260,
          render: (_, d) => (
            <Typography.Text style={{ fontSize: 12 }}>{readingText(d.reading, s.readings)}</Typography.Text>
          ),
        },
        { title: '比例', key: 'bp', width: 80, render: (_, d) => `${bpPct(d.bp)}` },
        {
          title: '金额',
          key: 'amount',
          width: 150,
          align: 'right',
          render: (_, d) => <Typography.Text type="danger">{yuan(d.amountFen)}</Typography.Text>,
        },
      ]}
    />
  );
}

const STATUS_COLOR: Record<string, string> = { 达标: 'green', 未达标: 'red', 无数据: 'default' };

export function AssessmentsTable({ s, contractId }: { s: Statement; contractId: string }) {
  return (
    <Table<IndicatorResult>
      rowKey={(a) => `${a.id}-${a.period}`}
      size="small"
      dataSource={s.assessments}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      data-testid="statement-assessments"
      columns={[
        { title: '指标', key: 'name', render: (_, a) => `${a.no}. ${a.name}` },
        { title: '考核期', dataIndex: 'period', width: 100, render: periodLabel },
        { title: '完成值（分子/分母）', key: 'v', width: 200, render: (_, a) => a.valueZh },
        { title: '目标', key: 't', width: 100, render: (_, a) => a.targetZh },
        {
          title: '结果',
          key: 'met',
          width: 110,
          render: (_, a) => (
            <Tag color={STATUS_COLOR[a.statusZh ?? ''] ?? 'default'}>
              {a.statusZh}
              {a.provisional ? '（暂估）' : ''}
            </Tag>
          ),
        },
        { title: '依据', key: 'clause', width: 160, render: (_, a) => a.clauseZh ?? a.clause },
        {
          title: '',
          key: 'drill',
          width: 70,
          render: (_, a) => (
            <Link to={`/contracts/board?contract=${contractId}&period=${a.period}&indicator=${a.id}`}>
              明细
            </Link>
          ),
        },
      ]}
    />
  );
}

/** 提示 — each warning with who acknowledged it; the office acknowledges here before confirming. */
export function WarningsList({ s }: { s: Statement }) {
  const user = useUser();
  const [acking, setAcking] = useState<StatementWarning | null>(null);
  if (!s.warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="statement-warnings"
      title={`结算单有 ${s.warnings.length} 条提示，甲方逐项确认后方可确认结算单`}
      description={
        <>
          <List<StatementWarning>
            size="small"
            dataSource={s.warnings}
            renderItem={(w) => (
              <List.Item
                data-testid={`warning-${w.code}`}
                actions={
                  w.acknowledged
                    ? [
                        <Tag
                          key="ok"
                          color="green"
                        >{`已确认 ${fmtTime(w.acknowledged.at)}：${w.acknowledged.note}`}</Tag>,
                      ]
                    : user.role === 'office'
                      ? [
                          <Button key="ack" size="small" onClick={() => setAcking(w)}>
                            确认提示
                          </Button>,
                        ]
                      : [<Tag key="wait">待甲方确认</Tag>]
                }
              >
                {w.messageZh}
              </List.Item>
            )}
          />
          {acking && <AcknowledgeModal s={s} w={acking} onClose={() => setAcking(null)} />}
        </>
      }
    />
  );
}

const settingValue = (v: unknown) =>
  v === true ? '是' : v === false ? '否' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function SettingsTable({ settings }: { settings: SettingUsed[] }) {
  return (
    <Table<SettingUsed>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={settings}
      data-testid="statement-settings"
      columns={[
        { title: '设置', dataIndex: 'labelZh' },
        { title: '取值', key: 'v', width: 200, render: (_, x) => settingValue(x.value) },
        { title: '来源', dataIndex: 'source', width: 320 },
      ]}
    />
  );
}
