import { useState } from 'react';
import { Alert, Card, DatePicker, Space, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { get, qs } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';
import {
  DAY_KIND_LABELS,
  DAY_KIND_STYLE,
  SOURCE_LABELS,
  WEEKDAYS,
  yearRanges,
  type DayInfo,
  type DayKind,
  type DaysAnswer,
} from './calendar-shared.ts';

function DayCell({ day, onPick }: { day: DayInfo; onPick?: (date: string) => void }) {
  const style = DAY_KIND_STYLE[day.kind];
  const tip = `${day.date} ${DAY_KIND_LABELS[day.kind]}${day.name ? ` · ${day.name}` : ''}；来源：${SOURCE_LABELS[day.source]}`;
  return (
    <Tooltip title={tip}>
      <div
        data-testid={`calendar-day-${day.date}`}
        data-kind={day.kind}
        onClick={() => onPick?.(day.date)}
        style={{
          ...style,
          border: `1px solid ${day.source === 'override' ? '#fa8c16' : style.border}`,
          borderStyle: day.known ? 'solid' : 'dashed',
          borderRadius: 6,
          minHeight: 58,
          padding: '4px 6px',
          cursor: onPick ? 'pointer' : 'default',
          overflow: 'hidden',
        }}
      >
        <div style={{ fontWeight: 600 }}>{Number(day.date.slice(8))}</div>
        <div
          style={{
            fontSize: 12,
            lineHeight: '16px',
            whiteSpace: 'nowrap',
            textOverflow: 'ellipsis',
            overflow: 'hidden',
          }}
        >
          {day.kind === 'holiday'
            ? (day.name ?? '休')
            : day.kind === 'adjusted_workday'
              ? `班${day.name ? `·${day.name}` : ''}`
              : day.kind === 'weekend'
                ? '休'
                : (day.name ?? '')}
        </div>
      </div>
    </Tooltip>
  );
}

/** A month of the official calendar as the deadlines see it; clicking a day picks it for the override form. */
export function CalendarMonth({ onPick }: { onPick?: (date: string) => void }) {
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['calendar', 'days', from, to],
    queryFn: () => get<DaysAnswer>(`/api/calendar/days${qs({ from, to })}`),
  });
  const days = q.data?.days ?? [];
  const unknown = days.some((d) => !d.known);
  const lead = (dayjs(from).day() + 6) % 7; // Monday first
  const counts = days.reduce<Record<string, number>>(
    (acc, d) => ({ ...acc, [d.workday ? 'work' : 'rest']: (acc[d.workday ? 'work' : 'rest'] ?? 0) + 1 }),
    {},
  );

  return (
    <Card
      size="small"
      title="月历"
      data-testid="calendar-month"
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={month}
          onChange={(m) => m && setMonth(m.startOf('month'))}
          data-testid="calendar-month-picker"
        />
      }
    >
      <QueryState loading={q.isLoading} error={q.error} empty={days.length === 0} onRetry={() => q.refetch()}>
        {unknown && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-unknown-warning"
            message={`${month.year()} 年尚无官方节假日数据`}
            description="本月按周一至周五推算，期限计算会附带提示。请在下方录入国务院办公厅当年的节假日安排通知，并声明该年已完整。"
          />
        )}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
          {WEEKDAYS.map((w, i) => (
            <div key={w} style={{ textAlign: 'center', color: i >= 5 ? '#8c8c8c' : undefined, fontSize: 12 }}>
              周{w}
            </div>
          ))}
          {Array.from({ length: lead }, (_, i) => (
            <div key={`lead-${i}`} />
          ))}
          {days.map((d) => (
            <DayCell key={d.date} day={d} onPick={onPick} />
          ))}
        </div>
        <Space wrap style={{ marginTop: 12 }}>
          {(Object.keys(DAY_KIND_LABELS) as DayKind[]).map((k) => (
            <Tag
              key={k}
              style={{
                background: DAY_KIND_STYLE[k].background,
                color: DAY_KIND_STYLE[k].color,
                borderColor: DAY_KIND_STYLE[k].border,
              }}
            >
              {DAY_KIND_LABELS[k]}
            </Tag>
          ))}
          <Tag style={{ borderColor: '#fa8c16' }}>橙框：热线办调整</Tag>
          <Tag style={{ borderStyle: 'dashed' }}>虚线框：无官方数据</Tag>
          <Typography.Text type="secondary">
            本月工作日 {counts.work ?? 0} 天，休息日 {counts.rest ?? 0} 天
          </Typography.Text>
        </Space>
        {q.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            有官方数据的年份：{yearRanges(q.data.coveredYears)}（内置 {q.data.source}，及热线办声明的年份）
          </Typography.Paragraph>
        )}
      </QueryState>
    </Card>
  );
}
