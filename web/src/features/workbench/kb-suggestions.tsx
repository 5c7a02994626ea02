import { useState } from 'react';
import { Button, Card, Drawer, Input, List, Skeleton, Space, Typography, message } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ArticleView } from '../knowledge/article-view.tsx';
import { useArticle, type SearchAnswer } from '../knowledge/kb-api.ts';
import { Highlighted } from '../knowledge/rich-text.tsx';
import { useDebounced } from './intake-assist-api.ts';

/** The snippet's words without its marks, for quoting into an answer. */
function snippetText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

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

/** 有用 / 没用: the agent's verdict, which the KB editors see as the articles that fail. */
function sendFeedback(articleId: number, useful: boolean, query: string) {
  post(`/api/kb/articles/${articleId}/feedback`, { useful, query: query.slice(0, 500) })
    .then(() => message.success(useful ? '已记录：有用' : '已记录：没用，知识库管理员会看到'))
    .catch(() => message.error('反馈未能记录'));
}

/**
 * 知识推荐 — articles matching what the agent is typing as the citizen's request (debounced, the whole text by
 * POST), or what the agent types in the search box; the matching passage highlighted. A click opens the
 * article beside the form; 引用到答复 quotes it into the direct answer (its id is recorded on the order).
 */
export function KbSuggestions({
  content,
  onQuote,
}: {
  content: string | undefined;
  onQuote?: (article: { id: number; title: string; text: string }) => void;
}) {
  const [typed, setTyped] = useState('');
  const request = useDebounced(content?.trim() ?? '', 600);
  const text = typed.trim() || request;
  const [open, setOpen] = useState<number | null>(null);
  const enabled = typed.trim().length > 0 || text.length >= MIN_CHARS;
  const q = useQuery({
    queryKey: ['kb', 'suggest', text],
    queryFn: () => post<SearchAnswer>('/api/kb/search', { q: text, limit: 5 }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
  let body;
  if (!enabled) {
    body = <Typography.Text type="secondary">录入诉求内容后自动推荐相关知识，或在上方搜索</Typography.Text>;
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
                <Space size={4} onClick={(e) => e.stopPropagation()}>
                  {onQuote && (
                    <Button
                      size="small"
                      type="link"
                      data-testid="kb-quote"
                      onClick={() => onQuote({ id: r.id, title: r.title, text: snippetText(r.snippet) })}
                    >
                      引用到答复
                    </Button>
                  )}
                  <Button size="small" type="text" onClick={() => sendFeedback(r.id, true, text)}>
                    有用
                  </Button>
                  <Button size="small" type="text" onClick={() => sendFeedback(r.id, false, text)}>
                    没用
                  </Button>
                </Space>
              </div>
            </List.Item>
          )}
        />
      </QueryState>
    );
  }
  return (
    <Card size="small" title="知识推荐" data-testid="kb-suggestions">
      <Input.Search
        allowClear
        size="small"
        placeholder="搜索知识库（留空则按诉求内容推荐）"
        onSearch={setTyped}
        onChange={(e) => !e.target.value && setTyped('')}
        style={{ marginBottom: 8 }}
        data-testid="kb-search-box"
      />
      {body}
      <ArticleDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
