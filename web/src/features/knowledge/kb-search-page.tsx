import { useState } from 'react';
import { Button, Card, Checkbox, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, qs } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ArticleFormModal } from './article-form.tsx';
import { ArticleTags } from './article-view.tsx';
import { useCanWriteKb, type ArticlePage, type ArticleSummary, type SearchAnswer } from './kb-api.ts';
import { ARTICLE_KINDS, ARTICLE_STATUS_LABELS } from './labels.ts';
import { Highlighted } from './rich-text.tsx';

const SEARCH_LIMIT = 50;
const PAGE_SIZE = 10;

function SearchResults({
  params,
  page,
  onPage,
}: {
  params: URLSearchParams;
  page: number;
  onPage: (p: number) => void;
}) {
  const q = params.get('q') ?? '';
  const search = useQuery({
    queryKey: ['kb', 'search', q, params.get('kind'), params.get('category'), params.get('expired')],
    queryFn: () =>
      get<SearchAnswer>(
        `/api/kb/search${qs({
          q,
          limit: SEARCH_LIMIT,
          kind: params.get('kind'),
          category: params.get('category'),
          includeExpired: params.get('expired') === 'yes' ? 'yes' : undefined,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const results = search.data?.results ?? [];
  const expanded = search.data?.query.expanded ?? [];
  return (
    <QueryState
      loading={search.isLoading}
      error={search.error}
      empty={!results.length}
      emptyText="没有找到相关知识，换个说法或减少筛选条件试试"
      onRetry={() => search.refetch()}
    >
      <Typography.Text type="secondary">
        找到 {results.length >= SEARCH_LIMIT ? `${SEARCH_LIMIT}+` : results.length} 条，按相关度排序
        {expanded.length ? `（已含同义词：${expanded.join('、')}）` : ''}
      </Typography.Text>
      <List
        itemLayout="vertical"
        dataSource={results}
        pagination={
          results.length > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                onChange: onPage,
                showSizeChanger: false,
                align: 'center',
              }
            : false
        }
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="kb-result">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={8}>
                <Link to={`/kb/articles/${r.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
                  {r.title}
                </Link>
                <ArticleTags a={{ kind: r.kind, status: 'published', expired: r.expired }} />
              </Space>
              <Typography.Paragraph style={{ margin: 0 }}>
                <Highlighted html={r.snippet} />
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.categoryPath.join(' / '), r.issuer, `更新于 ${fmtTime(r.updatedAt)}`]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </QueryState>
  );
}

function ArticleTable({
  params,
  page,
  onPage,
}: {
  params: URLSearchParams;
  page: number;
  onPage: (p: number) => void;
}) {
  const list = useQuery({
    queryKey: ['kb', 'articles', params.get('kind'), params.get('category'), params.get('status'), page],
    queryFn: () =>
      get<ArticlePage>(
        `/api/kb/articles${qs({
          kind: params.get('kind'),
          category: params.get('category'),
          status: params.get('status'),
          page,
          pageSize: 20,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<ArticleSummary> = [
    {
      title: '标题',
      key: 'title',
      render: (_, a) => <Link to={`/kb/articles/${a.id}`}>{a.title}</Link>,
    },
    { title: '类目', key: 'category', render: (_, a) => a.categoryPath.join(' / ') || '—' },
    { title: '材料性质', key: 'kind', render: (_, a) => <ArticleTags a={a} /> },
    { title: '发文单位', dataIndex: 'issuer', render: (v: string | null) => v ?? '—' },
    { title: '版本', dataIndex: 'version', width: 70 },
    { title: '更新时间', key: 'updatedAt', width: 150, render: (_, a) => fmtTime(a.updatedAt) },
  ];
  return (
    <QueryState
      loading={list.isLoading}
      error={list.error}
      empty={!list.data?.items.length}
      emptyText="知识库中还没有符合条件的知识"
      onRetry={() => list.refetch()}
    >
      <Table<ArticleSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total,
          onChange: onPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
        }}
        data-testid="kb-article-table"
      />
    </QueryState>
  );
}

/**
 * 知识库 — agents search in their own words (segmented, with synonyms and near-miss titles) and read the
 * highlighted passage; without a query the library is browsed by category, kind and status.
 */
export default function KbSearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const canWrite = useCanWriteKb();
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(params.get('q') ?? '');
  const q = params.get('q')?.trim() ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const onPage = (p: number) => set({ page: p > 1 ? String(p) : null });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="知识库"
        extra={
          canWrite && (
            <Space wrap>
              <Button type="primary" onClick={() => setCreating(true)} data-testid="kb-new">
                新建知识
              </Button>
              <Link to="/kb/import">导入导出</Link>
              <Link to="/kb/dictionary">词典与同义词</Link>
            </Space>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || null })}
            enterButton="检索"
            size="large"
            allowClear
            maxLength={2000}
            placeholder="输入关键词或市民诉求原话，如：医保断缴怎么补"
            data-testid="kb-search-input"
          />
          <Space wrap>
            <Input
              placeholder="类目，如 社会保障/医疗保险"
              defaultValue={params.get('category') ?? ''}
              allowClear
              style={{ width: 240 }}
              onPressEnter={(e) => set({ category: e.currentTarget.value.trim() || null })}
              onBlur={(e) => {
                if ((params.get('category') ?? '') !== e.target.value.trim())
                  set({ category: e.target.value.trim() || null });
              }}
              data-testid="kb-filter-category"
            />
            <Select
              placeholder="材料性质"
              allowClear
              style={{ width: 140 }}
              value={params.get('kind') ?? undefined}
              onChange={(v?: string) => set({ kind: v ?? null })}
              options={ARTICLE_KINDS.map((k) => ({ value: k, label: k }))}
              data-testid="kb-filter-kind"
            />
            {canWrite && !q && (
              <Select
                placeholder="状态"
                allowClear
                style={{ width: 120 }}
                value={params.get('status') ?? undefined}
                onChange={(v?: string) => set({ status: v ?? null })}
                options={Object.entries(ARTICLE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                data-testid="kb-filter-status"
              />
            )}
            {q && (
              <Checkbox
                checked={params.get('expired') === 'yes'}
                onChange={(e) => set({ expired: e.target.checked ? 'yes' : null })}
              >
                含已失效知识
              </Checkbox>
            )}
            {q && (
              <Tag closable onClose={() => (setText(''), set({ q: null }))}>
                检索：{q}
              </Tag>
            )}
          </Space>
        </Space>
      </Card>
      <Card size="small">
        {q ? (
          <SearchResults params={params} page={page} onPage={onPage} />
        ) : (
          <ArticleTable params={params} page={page} onPage={onPage} />
        )}
      </Card>
      <ArticleFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          navigate(`/kb/articles/${a.id}`);
        }}
      />
    </Space>
  );
}
