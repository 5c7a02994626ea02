import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, qs } from '../../app/api.ts';
import { useArticle, type ArticlePage } from './kb-api.ts';
import { ARTICLE_STATUS_LABELS } from './labels.ts';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** An article by its title, linked; the title is read once and cached. */
export function ArticleLink({ id }: { id: number }) {
  const q = useArticle(id);
  return <Link to={`/kb/articles/${id}`}>{q.data?.title ?? `知识 #${id}`}</Link>;
}

/** Picks articles by a part of their title (every status: a notice may concern a draft being rewritten). */
export function ArticlePicker({
  value,
  onChange,
  testId,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['kb', 'articles', 'picker', q],
    queryFn: () => get<ArticlePage>(`/api/kb/articles${qs({ q: q || undefined, pageSize: 20 })}`),
  });
  const [known, setKnown] = useState(new Map<number, string>());
  useEffect(() => {
    if (!found.data) return;
    setKnown((m) => {
      const next = new Map(m);
      for (const a of found.data.items) next.set(a.id, a.title);
      return next;
    });
  }, [found.data]);
  const options = [
    ...(found.data?.items ?? []).map((a) => ({
      value: a.id,
      label: a.status === 'published' ? a.title : `${a.title}（${ARTICLE_STATUS_LABELS[a.status]}）`,
    })),
    ...(value ?? [])
      .filter((id) => !found.data?.items.some((a) => a.id === id))
      .map((id) => ({ value: id, label: known.get(id) ?? `知识 #${id}` })),
  ];
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setText}
      options={options}
      notFoundContent={found.isFetching ? <Spin size="small" /> : '没有匹配的知识'}
      placeholder="输入标题中的文字查找知识"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
