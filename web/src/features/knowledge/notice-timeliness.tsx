import { useState } from 'react';
import { Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { IndicatorCard, MonthPicker, monthPeriod, thisMonth } from './indicator-card.tsx';
import { useNotices, type IndicatorFigure } from './kb-api.ts';

/** 知识库更新及时率 — the month's notices applied within 24 hours, with each notice behind the figure. */
export function NoticeTimeliness() {
  const [month, setMonth] = useState(thisMonth);
  const period = monthPeriod(month);
  const figure = useQuery({
    queryKey: ['kb', 'notices', 'timeliness', period.from],
    queryFn: () => get<IndicatorFigure>(`/api/kb/notices/timeliness${qs(period)}`),
  });
  const all = useNotices();
  const byId = new Map((all.data ?? []).map((n) => [n.id, n]));
  return (
    <IndicatorCard
      title="知识库更新及时率（收到通知后 24 小时内更新）"
      extra={<MonthPicker value={month} onChange={setMonth} />}
      figure={figure.data}
      loading={figure.isLoading}
      error={figure.error}
      onRetry={() => figure.refetch()}
      metLabel="按时更新"
      missLabel="超时"
      testId="kb-notice-timeliness"
      describe={(id) => {
        const n = byId.get(Number(id));
        if (!n) return `通知 #${id}`;
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{n.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.source} · 收到 {fmtTime(n.receivedAt)} · 时限 {fmtTime(n.dueAt)}
              {n.completedAt ? ` · 完成 ${fmtTime(n.completedAt)}` : ''}
            </Typography.Text>
          </Space>
        );
      }}
    />
  );
}
