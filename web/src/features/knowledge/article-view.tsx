import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { fmtTime } from '../../app/format.ts';
import type { Article } from './kb-api.ts';
import { ARTICLE_STATUS_COLORS, ARTICLE_STATUS_LABELS } from './labels.ts';
import { ArticleContent } from './rich-text.tsx';

export function ArticleTags({ a }: { a: Pick<Article, 'kind' | 'status' | 'expired'> }) {
  return (
    <Space size={4} wrap>
      <Tag color="blue">{a.kind}</Tag>
      {a.status !== 'published' && (
        <Tag color={ARTICLE_STATUS_COLORS[a.status]}>{ARTICLE_STATUS_LABELS[a.status]}</Tag>
      )}
      {a.expired && <Tag color="red">已失效</Tag>}
    </Space>
  );
}

/** One article as an agent reads it: what it is, whether it is current, then the answer itself. */
export function ArticleView({ article: a }: { article: Article }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {a.expired && (
        <Alert type="warning" showIcon message={`本知识已于 ${a.expiresOn} 失效，不能作为当前答复依据`} />
      )}
      {a.status === 'retired' && <Alert type="warning" showIcon message="本知识已下架" />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="类目">
          {a.categoryPath.length ? a.categoryPath.join(' / ') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="材料性质">
          <ArticleTags a={a} />
        </Descriptions.Item>
        <Descriptions.Item label="发文单位">{a.issuer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {a.effectiveFrom ?? '—'} 至 {a.expiresOn ?? '长期'}
        </Descriptions.Item>
        <Descriptions.Item label="关键字">
          {a.keywords.length ? a.keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="版本">
          第 {a.version} 版 · 更新于 {fmtTime(a.updatedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography>
        <ArticleContent content={a.content} />
      </Typography>
    </Space>
  );
}
