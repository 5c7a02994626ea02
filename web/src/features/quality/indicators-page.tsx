import { Alert, Card, Col, Drawer, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { client, query, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { EvidenceView } from './evidence.tsx';
import { PeriodSelect, usePeriod } from './period-select.tsx';
import { drillPath, pct, type IndicatorFigure, type QualityFigures } from './shared.ts';

type FigureKey = Exclude<keyof QualityFigures, 'seriousIncidents'>;

/** The quality module's five contract figures (Luohe KPIs 4, 5, 6, 7, 10), as the assessment reads them. */
const FIGURES: {
  key: FigureKey;
  kpi: number;
  name: string;
  target: string;
  met: (v: number | null) => boolean;
  digits?: number;
  num: string;
  den: string;
  metLabel: string;
  restLabel: string;
}[] = [
  {
    key: 'callbackRate',
    kpi: 4,
    name: '工单回访率',
    target: '100%',
    met: (v) => v == null || v >= 1,
    num: '已回访工单',
    den: '应回访工单',
    metLabel: '已回访',
    restLabel: '逾期未回访',
  },
  {
    key: 'complaintRate',
    kpi: 5,
    name: '服务质量投诉率',
    target: '≤ 0.01%',
    met: (v) => v == null || v <= 0.0001,
    digits: 4,
    num: '确认的服务投诉',
    den: '人工接通量',
    metLabel: '已确认投诉',
    restLabel: '其他',
  },
  {
    key: 'attitudeSatisfaction',
    kpi: 7,
    name: '用户满意度（服务态度）',
    target: '≥ 90%',
    met: (v) => v == null || v >= 0.9,
    num: '满意评价',
    den: '全部态度评价',
    metLabel: '满意',
    restLabel: '不满意',
  },
  {
    key: 'assistanceCompletion',
    kpi: 10,
    name: '协助监督考核完成率',
    target: '100%',
    met: (v) => v == null || v >= 1,
    num: '按期完成的任务',
    den: '到期任务',
    metLabel: '按期完成',
    restLabel: '未按期完成',
  },
];

function FigureCard({
  def,
  f,
  onOpen,
}: {
  def: (typeof FIGURES)[number];
  f: IndicatorFigure;
  onOpen: () => void;
}) {
  const ok = def.met(f.value);
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      title={`${def.kpi}. ${def.name}`}
      extra={<Typography.Text type="secondary">目标 {def.target}</Typography.Text>}
      style={{ borderTop: `3px solid ${ok ? '#52c41a' : '#ff4d4f'}` }}
      data-testid={`figure-${def.key}`}
    >
      <Statistic
        value={pct(f.value, def.digits)}
        styles={{ content: { color: ok ? '#389e0d' : '#cf1322' } }}
      />
      <Typography.Text>
        {def.num} <a data-testid={`figure-${def.key}-numerator`}>{f.numerator}</a> / {def.den}{' '}
        <a>{f.denominator}</a>
      </Typography.Text>
      {f.excluded.some((e) => e.ids.length) && (
        <div>
          <Typography.Text type="secondary">
            不计入 {f.excluded.reduce((s, e) => s + e.ids.length, 0)} 条
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

/** 质量指标 — each figure with its numerator and denominator; a click opens the records it counts. */
export default function QualityIndicatorsPage() {
  const [period, setPeriod] = usePeriod();
  const [params, setParams] = useSearchParams();
  const open = params.get('figure');
  const setOpen = (key: string | null) => {
    const next = new URLSearchParams(params);
    if (key) next.set('figure', key);
    else next.delete('figure');
    setParams(next, { replace: true });
  };
  const range = { from: period.from, to: period.to };
  const q = useQuery({
    queryKey: ['quality', 'indicators', range],
    queryFn: () => unwrap(client.GET('/api/quality/indicators', { params: { query: query(range) } })),
  });
  const def = FIGURES.find((d) => d.key === open);
  const incidents = q.data?.seriousIncidents;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-indicators">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          质量指标 · {period.label}
        </Typography.Title>
        <PeriodSelect period={period} onChange={setPeriod} />
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {q.data && (
          <Row gutter={[16, 16]}>
            {FIGURES.map((d) => (
              <Col key={d.key} xs={24} md={12} xl={8}>
                <FigureCard def={d} f={q.data[d.key]} onOpen={() => setOpen(d.key)} />
              </Col>
            ))}
            <Col xs={24} md={12} xl={8}>
              <Card
                size="small"
                title="6. 严重舆论事件"
                extra={<Typography.Text type="secondary">目标 0 起</Typography.Text>}
                style={{ borderTop: `3px solid ${incidents!.count ? '#ff4d4f' : '#52c41a'}` }}
                data-testid="figure-seriousIncidents"
              >
                <Statistic
                  value={`${incidents!.count} 起`}
                  styles={{ content: { color: incidents!.count ? '#cf1322' : '#389e0d' } }}
                />
                {incidents!.count > 0 ? (
                  <Link to={drillPath('/quality/incidents', incidents!.ids)}>
                    查看事件（{incidents!.dates.join('、')}）
                  </Link>
                ) : (
                  <Typography.Text type="secondary">本期没有经认定的严重舆论事件</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
      <Alert
        type="info"
        showIcon
        title="点击任一指标查看其计入的记录；回访率不计尚在回访期限内的工单，投诉率不计调查中的投诉。"
      />
      <Drawer
        open={Boolean(def && q.data)}
        onClose={() => setOpen(null)}
        size={720}
        title={def ? `${def.name} · ${period.label}` : ''}
      >
        {def && q.data && (
          <>
            <Typography.Paragraph>
              {def.num} {q.data[def.key].numerator} / {def.den} {q.data[def.key].denominator} ={' '}
              <Typography.Text strong>{pct(q.data[def.key].value, def.digits)}</Typography.Text>（目标{' '}
              {def.target}）
            </Typography.Paragraph>
            {def.key === 'complaintRate' && (
              <Typography.Paragraph type="secondary">
                分母为本期人工接通量，见
                <Link to={`/calls/metrics?from=${period.from}&to=${period.to}`}>话务统计</Link>。
              </Typography.Paragraph>
            )}
            <EvidenceView
              entity={q.data[def.key].evidence.entity}
              counted={q.data[def.key].evidence.counted}
              met={q.data[def.key].evidence.met}
              excluded={q.data[def.key].excluded}
              metLabel={def.metLabel}
              restLabel={def.restLabel}
            />
          </>
        )}
      </Drawer>
    </Space>
  );
}
