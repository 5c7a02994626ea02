import type { ReactNode } from 'react';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { fmtTime } from '../../app/format.ts';
import type { CallMetrics } from './types.ts';
import { ANSWER_RATE_TARGET, duration, pct, rateColor } from './shared.ts';

function Stat({
  title,
  value,
  suffix,
  color,
  note,
  testId,
}: {
  title: string;
  value: ReactNode;
  suffix?: string;
  color?: string;
  note?: ReactNode;
  testId?: string;
}) {
  return (
    <Col xs={12} md={8} xl={6}>
      <Card size="small" style={{ height: '100%' }} data-testid={testId}>
        <Statistic
          title={title}
          value={value as string}
          suffix={suffix}
          styles={{ content: color ? { color } : undefined }}
        />
        {note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
}

const target = `${ANSWER_RATE_TARGET * 100}%`;

/** The period's figures as statistic cards, the answer rate against the contract's target. */
export function MetricsTotals({ m }: { m: CallMetrics }) {
  const t = m.totals;
  const settled = t.offered - t.waiting;
  const thresholdRate = settled > 0 ? t.answeredWithinThreshold / settled : null;
  const rateNote = (rate: number | null) =>
    rate == null
      ? `目标 ≥ ${target}`
      : rate >= ANSWER_RATE_TARGET
        ? `达到目标 ≥ ${target}`
        : `低于目标 ≥ ${target}`;
  return (
    <Row gutter={[12, 12]} data-testid="metrics-totals">
      <Stat
        testId="metrics-offered"
        title="呼入人工队列"
        value={t.offered}
        suffix="通"
        note={t.waiting ? `其中排队中 ${t.waiting} 通（不计入比率）` : undefined}
      />
      <Stat testId="metrics-answered" title="人工接通" value={t.answered} suffix="通" />
      <Stat
        testId="metrics-abandoned"
        title="放弃"
        value={t.abandoned}
        suffix="通"
        note={`其中主动挂机 ${t.abandonedByCaller} 通`}
      />
      <Stat
        testId="metrics-answer-rate"
        title="人工接通率"
        value={pct(t.answerRate, 2)}
        color={rateColor(t.answerRate)}
        note={rateNote(t.answerRate)}
      />
      <Stat
        testId="metrics-15s-rate"
        title="15 秒接通率"
        value={pct(t.answeredWithin15sRate, 2)}
        color={rateColor(t.answeredWithin15sRate)}
        note={`15 秒内接通 ${t.answeredWithin15s} 通`}
      />
      {t.thresholdSeconds !== 15 && (
        <Stat
          title={`${t.thresholdSeconds} 秒接通率`}
          value={pct(thresholdRate, 2)}
          note={`${t.thresholdSeconds} 秒内接通 ${t.answeredWithinThreshold} 通（可配置阈值）`}
        />
      )}
      <Stat testId="metrics-asa" title="平均应答时长（ASA）" value={duration(t.asaSeconds, true)} />
      <Stat testId="metrics-aht" title="平均通话时长（AHT）" value={duration(t.ahtSeconds, true)} />
      <Stat
        testId="metrics-longest"
        title="最长等待"
        value={duration(t.longestWaitSeconds)}
        note="含已接通和已放弃"
      />
    </Row>
  );
}

/** What was left out of the figures, and why, with the way to the windows. */
export function MetricsExcluded({ m }: { m: CallMetrics }) {
  const e = m.totals.excluded;
  const short = m.settings.shortAbandonSeconds;
  return (
    <Alert
      type={e.exemptedOffered || e.shortAbandoned ? 'info' : 'success'}
      showIcon
      data-testid="metrics-excluded"
      title="未计入统计的呼叫"
      description={
        <div>
          <div>
            突发事件免责时段内呼入 <b>{e.exemptedOffered}</b> 通（其中接通 {e.exemptedAnswered} 通）
            {m.exemptions.length > 0 && (
              <>
                ，涉及已批准时段：
                {m.exemptions.map((w, i) => (
                  <span key={w.id}>
                    {i ? '；' : ''}
                    {fmtTime(w.startsAt)} 至 {fmtTime(w.endsAt)}（{w.reason}）
                  </span>
                ))}
              </>
            )}
            。<Link to="/calls/incidents">查看和申请免责时段</Link>
          </div>
          <div>
            {short > 0 ? (
              <>
                进入队列 {short} 秒内主动挂机的短时放弃 <b>{e.shortAbandoned}</b> 通
              </>
            ) : (
              '短时放弃剔除未启用（系统设置中的“短时放弃秒数”为 0），所有放弃均计入'
            )}
            。
          </div>
        </div>
      }
    />
  );
}
