import { useEffect } from 'react';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { post } from '../../app/api.ts';
import { isMissing, useDebounced, type TriageSuggestion } from './intake-assist-api.ts';

const MIN_CHARS = 6;
const pct = (p: number) => Math.round(p * 100);
const pathText = (p: string[] | string | null | undefined, name: string) =>
  Array.isArray(p) ? p.join(' › ') : (p ?? name);

/**
 * 智能分派 — the classifier's likeliest categories and departments for what the agent has typed. It only
 * suggests: a click fills the category (and its default department); without a trained model it says so quietly.
 */
export function TriagePanel({
  title,
  content,
  onPickCategory,
  onPickDepartment,
  onSuggestion,
}: {
  title: string | undefined;
  content: string | undefined;
  onPickCategory: (id: number) => void;
  onPickDepartment: (id: number) => void;
  onSuggestion: (id: string | number | null) => void;
}) {
  const input = useDebounced({ title: title?.trim() || undefined, content: content?.trim() ?? '' }, 700);
  const enabled = input.content.length >= MIN_CHARS;
  const q = useQuery({
    queryKey: ['triage', 'suggest', input.title, input.content],
    queryFn: () => post<TriageSuggestion>('/api/triage/suggest', input),
    enabled,
    retry: false,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const ready = enabled && q.data?.modelVersion != null;
  const suggestionId = ready ? (q.data?.suggestionId ?? null) : null;
  useEffect(() => onSuggestion(suggestionId), [suggestionId, onSuggestion]);

  if (q.error && isMissing(q.error)) return null;
  let body;
  if (!enabled) {
    body = <Typography.Text type="secondary">录入诉求内容后给出分类和承办单位建议</Typography.Text>;
  } else if (q.isLoading) {
    body = <Typography.Text type="secondary">分析中…</Typography.Text>;
  } else if (q.error || !q.data || q.data.modelVersion == null) {
    body = (
      <Typography.Text type="secondary" data-testid="triage-no-model">
        暂无模型
      </Typography.Text>
    );
  } else {
    const d = q.data;
    body = (
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {d.categories.length === 0 && (
          <Typography.Text type="secondary">没有把握的建议，请人工选择分类</Typography.Text>
        )}
        {d.categories.slice(0, 3).map((c) => (
          <div
            key={c.id}
            role="button"
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            onClick={() => onPickCategory(c.id)}
            onKeyDown={(e) => e.key === 'Enter' && onPickCategory(c.id)}
            data-testid="triage-category"
            title="点击填入分类"
          >
            <Typography.Link>{pathText(c.path, c.name)}</Typography.Link>
            <Progress percent={pct(c.probability)} size="small" showInfo format={(p) => `${p}%`} />
          </div>
        ))}
        {d.departments.length > 0 && (
          <div>
            <Typography.Text type="secondary">建议承办单位：</Typography.Text>
            {d.departments.slice(0, 3).map((x) => (
              <Tag
                key={x.id}
                style={{ cursor: 'pointer' }}
                onClick={() => onPickDepartment(x.id)}
                data-testid="triage-department"
              >
                {x.name} {pct(x.probability)}%
              </Tag>
            ))}
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          模型版本 {d.modelVersion}，仅供参考
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Card size="small" title="智能分派" data-testid="triage-panel">
      {body}
    </Card>
  );
}
