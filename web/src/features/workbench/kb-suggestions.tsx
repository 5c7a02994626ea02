import { useState } from 'react';
import { Card, Drawer, List, Skeleton, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, qs } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ArticleView } from '../knowledge/article-view.tsx';
import { useArticle, type SearchAnswer } from '../knowledge/kb-api.ts';
import { Highlighted } from '../knowledge/rich-text.tsx';
import { useDebounced } from './intake-assist-api.ts';

/** Characters of the request before articles are looked up: fewer say too little to search on. */
const MIN_CHARS = 4;

function ArticleDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const q = useArticle(id);
  return (
    <Drawer
      open={id != null}
      onClose={onClose}
      size="large"
      title={q.data?.title ?? '知识详情'}
      extra={
        id != null && (
          <Link to={`/kb/articles/${id}`} target="_blank">
            新窗口打开
          </Link>
        )
      }
      data-testid="kb-drawer"
    >
      {q.isLoading ? (
        <Skeleton active />
      ) : (
        <QueryState loading={false} error={q.error} onRetry={() => q.refetch()}>
          {q.data && <ArticleView article={q.data} />}
        </QueryState>
      )}
    </Drawer>
  );
}

/**
 * 知识推荐 — articles matching what the agent is typing as the citizen's request (debounced), with the
 * matching passage highlighted; a click opens the article beside the form without leaving it.
 */
export function KbSuggestions({ content }: { content: string | undefined }) {
  const text = useDebounced(content?.trim() ?? '', 600);
  const [open, setOpen] = useState<number | null>(null);
  const enabled = text.length >= MIN_CHARS;
  const q = useQuery({
    queryKey: ['kb', 'suggest', text],
    queryFn: () => get<SearchAnswer>(`/api/kb/search${qs({ q: text.slice(0, 2000), limit: 5 })}`),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
  let body;
  if (!enabled) {
    body = <Typography.Text type="secondary">录入诉求内容后自动推荐相关知识</Typography.Text>;
  } else {
    body = (
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={!q.data?.results.length}
        emptyText="知识库中没有相关知识"
        onRetry={() => q.refetch()}
      >
        <List
          size="small"
          dataSource={q.data?.results}
          renderItem={(r) => (
            <List.Item
              key={r.id}
              data-testid="kb-suggestion"
              style={{ cursor: 'pointer' }}
              onClick={() => setOpen(r.id)}
            >
              <div style={{ width: '100%' }}>
                <Typography.Link strong>{r.title}</Typography.Link>
                {r.expired && <Typography.Text type="danger">（已失效）</Typography.Text>}
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 3 }}
                  style={{ margin: '2px 0 0', fontSize: 13 }}
                >
                  <Highlighted html={r.snippet} />
                </Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      </QueryState>
    );
  }
  return (
    <Card size="small" title="知识推荐" data-testid="kb-suggestions">
      {body}
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
